package headwater.app.wiring;

import headwater.domain.session.Rendition;
import headwater.domain.session.RenditionMeter;
import headwater.domain.subscriber.Quality;
import headwater.headend.Channel;
import headwater.headend.LiveMeasure;
import java.util.Optional;

/**
 * What the headend measures of one channel now ({@link RenditionMeter}): the channel itself as a rendition once it runs
 * and has measured something ({@link headwater.headend.SegmentWindow#measure}), never the renditions its catalogue
 * entry lists (choosing among those is {@link headwater.domain.session.Entitlement}'s). Lock-free: one volatile read.
 *
 * <p>Bitrate: the peak segment bitrate of the window, the multivariant playlist's {@code BANDWIDTH}, which a session
 * reserves. Quality from the picture height ({@link Quality#ofLines}); radio is SD.
 */
public final class HeadendRenditions implements RenditionMeter {

    private final HeadendCatalog running;

    public HeadendRenditions(HeadendCatalog running) {
        this.running = running;
    }

    @Override
    public Optional<Rendition> rendition(String channelId) {
        Channel channel = running.running(channelId);
        if (channel == null) {
            return Optional.empty();
        }
        return channel.window().measure().map(m -> rendition(channelId, m));
    }

    static Rendition rendition(String channelId, LiveMeasure measure) {
        return new Rendition(channelId, measure.peakBitsPerSecond(), Quality.ofLines(measure.videoHeight()),
                measure.targetDuration());
    }
}
