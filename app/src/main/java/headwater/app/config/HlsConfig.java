package headwater.app.config;

import java.time.Duration;
import java.util.Objects;

/**
 * HLS packaging defaults for every channel.
 *
 * @param targetDuration      the target segment duration (segments still cut on keyframes only)
 * @param windowSegments      how many segments the live media playlist lists
 * @param extraSegmentsOnDisk how many segments older than the window stay on disk, for players that lag behind
 */
public record HlsConfig(Duration targetDuration, int windowSegments, int extraSegmentsOnDisk) {

    public static final Duration DEFAULT_TARGET_DURATION = Duration.ofSeconds(4);
    public static final int DEFAULT_WINDOW_SEGMENTS = 6;
    public static final int DEFAULT_EXTRA_SEGMENTS_ON_DISK = 4;

    public HlsConfig {
        Objects.requireNonNull(targetDuration, "targetDuration");
    }

    public static HlsConfig defaults() {
        return new HlsConfig(DEFAULT_TARGET_DURATION, DEFAULT_WINDOW_SEGMENTS, DEFAULT_EXTRA_SEGMENTS_ON_DISK);
    }
}
