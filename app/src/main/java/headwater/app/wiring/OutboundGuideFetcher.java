package headwater.app.wiring;

import headwater.domain.guide.GuideFetcher;
import headwater.domain.guide.GuideSource;
import headwater.security.outbound.OutboundFetcher;
import headwater.security.outbound.OutboundPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Opens a guide source's location for the scheduled refresh: an http(s) URL through security's
 * {@link OutboundFetcher} (the configuration's outbound policy: public addresses only unless allowed, size and time
 * limits, redirects checked), anything else as a local file path ({@link GuideFetcher#localFiles}, which refuses other
 * URL schemes).
 */
public final class OutboundGuideFetcher implements GuideFetcher {

    private final OutboundFetcher outbound;
    private final GuideFetcher files = GuideFetcher.localFiles();

    public OutboundGuideFetcher(OutboundPolicy policy) {
        this.outbound = new OutboundFetcher(policy);
    }

    @Override
    public InputStream open(GuideSource source) throws IOException {
        String location = source.location().toLowerCase(Locale.ROOT);
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return outbound.open(source.location()).body();
        }
        return files.open(source);
    }
}
