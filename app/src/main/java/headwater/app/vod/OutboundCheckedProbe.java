package headwater.app.vod;

import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.MediaProbe;
import headwater.domain.vod.MediaProbeException;
import headwater.domain.vod.MediaProbeException.Reason;
import headwater.security.outbound.HostResolver;
import headwater.security.outbound.OutboundPolicy;
import headwater.security.outbound.OutboundRefusedException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@link MediaProbe} that lets an http(s) source reach the real prober only when the outbound policy
 * ({@code outbound.*}) allows every address its host resolves to, so that a film's URL cannot make the server probe
 * its own network (SSRF). A refused source fails as {@link Reason#UNSUPPORTED_SOURCE} with the policy's reason, which
 * names the address and the setting that would allow it. {@code file:} sources are not network requests and pass.
 *
 * <p>ffprobe resolves the host again when it connects; a name whose answer changes between the check and the
 * connection (DNS rebinding) is not covered, as for any check made before a program of our own does the fetch.
 */
public final class OutboundCheckedProbe implements MediaProbe {

    private final MediaProbe probe;
    private final OutboundPolicy policy;
    private final HostResolver resolver;

    public OutboundCheckedProbe(MediaProbe probe, OutboundPolicy policy, HostResolver resolver) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public MediaInfo probe(URI source) {
        String scheme = source.getScheme() == null ? "" : source.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
            try {
                policy.check(source, resolver);
            } catch (OutboundRefusedException e) {
                throw new MediaProbeException(source, Reason.UNSUPPORTED_SOURCE,
                        "the outbound policy refuses it (" + e.getMessage() + ")", e);
            }
        }
        return probe.probe(source);
    }
}
