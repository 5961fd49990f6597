package headwater.domain.session;

import java.util.Optional;

/**
 * What the headend measures of one channel now. Implemented by the application from the headend's running channels;
 * cheap (in memory), safe from any thread.
 *
 * <p>It measures exactly the channel asked, never the renditions its catalogue entry lists: choosing among a channel
 * and its {@link ChannelEntry#renditionIds()} is {@link Entitlement}'s, which asks about each of them in turn.
 */
@FunctionalInterface
public interface RenditionMeter {

    /**
     * @param channelId a catalogue or configuration channel id
     * @return the channel as a rendition (its own id, bitrate, quality) once it has published at least one segment;
     *         empty when it does not run or has not measured anything yet
     */
    Optional<Rendition> rendition(String channelId);
}
