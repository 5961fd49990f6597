package headwater.domain.session;

import headwater.domain.subscriber.Quality;
import java.time.Duration;
import java.util.Objects;

/**
 * One running rendition of a channel as the headend measures it.
 *
 * @param channelId      the headend channel that carries it
 * @param bitsPerSecond  the measured bitrate (the peak segment bitrate of the window, as in the multivariant
 *                       playlist's BANDWIDTH), which a session reserves
 * @param quality        from the measured picture height ({@code Quality}'s line counts); SD for radio
 * @param targetDuration the media playlist's target duration; a silent HLS session goes idle after two of them
 */
public record Rendition(String channelId, long bitsPerSecond, Quality quality, Duration targetDuration) {
    public Rendition {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(targetDuration, "targetDuration");
    }
}
