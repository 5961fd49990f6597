package headwater.app.wiring;

import headwater.domain.session.ChannelDirectory;
import headwater.domain.session.ChannelEntry;
import headwater.domain.session.Rendition;
import headwater.domain.session.RenditionMeter;
import headwater.domain.subscriber.Quality;
import headwater.headend.Channel;
import headwater.headend.LiveMeasure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The renditions a channel can be served in, as the headend measures them now ({@link RenditionMeter}): the channel
 * itself and the renditions its catalogue entry lists ({@link ChannelDirectory}), those that run and have measured
 * something ({@link headwater.headend.SegmentWindow#measure}), best quality first; of equal quality, the channel
 * itself, then the operator's order. Lock-free: a directory lookup, then one volatile read per candidate.
 *
 * <p>Bitrate: the peak segment bitrate of the window, the multivariant playlist's {@code BANDWIDTH}, which a session
 * reserves. Quality from the picture height: up to 576 lines SD, 720 HD, 1080 FHD, above UHD; radio is SD.
 */
public final class HeadendRenditions implements RenditionMeter {

    private static final Comparator<Rendition> BEST_FIRST = Comparator.comparing(Rendition::quality).reversed();

    private final HeadendCatalog running;
    private final ChannelDirectory directory;

    public HeadendRenditions(HeadendCatalog running, ChannelDirectory directory) {
        this.running = running;
        this.directory = directory;
    }

    @Override
    public List<Rendition> renditions(String channelId) {
        List<String> others = directory.channel(channelId).map(ChannelEntry::renditionIds).orElse(List.of());
        List<Rendition> measured = new ArrayList<>(1 + others.size());
        measure(channelId).ifPresent(measured::add);
        for (String other : others) {
            measure(other).ifPresent(measured::add);
        }
        measured.sort(BEST_FIRST); // stable: equal qualities keep the channel first, then the operator's order
        return measured;
    }

    private Optional<Rendition> measure(String channelId) {
        Channel channel = running.running(channelId);
        if (channel == null) {
            return Optional.empty();
        }
        return channel.window().measure().map(m -> rendition(channelId, m));
    }

    static Rendition rendition(String channelId, LiveMeasure measure) {
        return new Rendition(channelId, measure.peakBitsPerSecond(), quality(measure.videoHeight()),
                measure.targetDuration());
    }

    /** The quality of a picture {@code lines} high; 0 (no picture: radio) is SD. */
    static Quality quality(int lines) {
        if (lines <= 576) {
            return Quality.SD;
        }
        if (lines <= 720) {
            return Quality.HD;
        }
        return lines <= 1080 ? Quality.FHD : Quality.UHD;
    }
}
