package headwater.domain.session;

import java.util.List;

/**
 * The renditions a channel can be served in, as the headend measures them now. Implemented by the application from
 * the headend's running channels; cheap (in memory), safe from any thread.
 */
@FunctionalInterface
public interface RenditionMeter {

    /**
     * @param channelId a catalogue or configuration channel id
     * @return its renditions that have published at least one segment, best quality first; empty when the channel does
     *         not run or has not measured anything yet
     */
    List<Rendition> renditions(String channelId);
}
