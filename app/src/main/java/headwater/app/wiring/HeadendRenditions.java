package headwater.app.wiring;

import headwater.domain.session.Rendition;
import headwater.domain.session.RenditionMeter;
import headwater.domain.subscriber.Quality;
import headwater.headend.Channel;
import headwater.headend.Headend;
import headwater.headend.LiveMeasure;
import java.util.List;

/**
 * The running channels' measures as renditions: a channel is served as itself, at the peak bitrate and picture
 * height its window measured (the multivariant playlist's BANDWIDTH and RESOLUTION). Other channels carrying the same
 * programme come from the catalogue ({@code ChannelEntry.renditionIds}); entitlement asks for each.
 */
public record HeadendRenditions(Headend headend) implements RenditionMeter {

    @Override
    public List<Rendition> renditions(String channelId) {
        Channel channel;
        try {
            channel = headend.channel(channelId);
        } catch (java.util.NoSuchElementException notRunning) {
            return List.of();
        }
        return channel.window().measure()
                .map(m -> List.of(new Rendition(channelId, m.peakBitsPerSecond(), quality(m), m.targetDuration())))
                .orElse(List.of());
    }

    /** Up to 576 lines SD (radio too), 720 HD, 1080 FHD, more UHD. */
    static Quality quality(LiveMeasure measure) {
        int lines = measure.videoHeight();
        return lines <= 576 ? Quality.SD : lines <= 720 ? Quality.HD : lines <= 1080 ? Quality.FHD : Quality.UHD;
    }
}
