package headwater.app.config;

import java.time.Duration;
import java.util.Objects;

/**
 * HLS packaging defaults for every channel.
 *
 * @param targetDuration      the target segment duration (segments still cut on keyframes only)
 * @param windowSegments      how many segments the live media playlist lists
 * @param extraSegmentsOnDisk how many segments older than the window stay on disk, for players that lag behind
 * @param keepSubtitles       whether DVB subtitle and teletext PIDs of the program are packaged with it
 * @param keepScte35          whether SCTE-35 splice information PIDs are packaged
 * @param keepOtherData       whether any other data PID of the program (ID3, private data) is packaged
 * @param keyRotation         how long one AES-128 content key encrypts the segments of an encrypted channel before
 *                            the next (random) key replaces it
 */
public record HlsConfig(Duration targetDuration, int windowSegments, int extraSegmentsOnDisk, boolean keepSubtitles,
        boolean keepScte35, boolean keepOtherData, Duration keyRotation) {

    public static final Duration DEFAULT_TARGET_DURATION = Duration.ofSeconds(4);
    public static final int DEFAULT_WINDOW_SEGMENTS = 6;
    public static final int DEFAULT_EXTRA_SEGMENTS_ON_DISK = 4;
    public static final boolean DEFAULT_KEEP_SUBTITLES = true;
    public static final boolean DEFAULT_KEEP_SCTE35 = true;
    public static final boolean DEFAULT_KEEP_OTHER_DATA = false;
    public static final Duration DEFAULT_KEY_ROTATION = Duration.ofMinutes(10);

    public HlsConfig {
        Objects.requireNonNull(targetDuration, "targetDuration");
        Objects.requireNonNull(keyRotation, "keyRotation");
    }

    /** The segment and PID settings, with the default key rotation. */
    public HlsConfig(Duration targetDuration, int windowSegments, int extraSegmentsOnDisk, boolean keepSubtitles,
            boolean keepScte35, boolean keepOtherData) {
        this(targetDuration, windowSegments, extraSegmentsOnDisk, keepSubtitles, keepScte35, keepOtherData,
                DEFAULT_KEY_ROTATION);
    }

    /** The same settings with another key rotation period. */
    public HlsConfig withKeyRotation(Duration keyRotation) {
        return new HlsConfig(targetDuration, windowSegments, extraSegmentsOnDisk, keepSubtitles, keepScte35,
                keepOtherData, keyRotation);
    }

    /** The segment settings, with the default choice of which data PIDs to keep. */
    public HlsConfig(Duration targetDuration, int windowSegments, int extraSegmentsOnDisk) {
        this(targetDuration, windowSegments, extraSegmentsOnDisk, DEFAULT_KEEP_SUBTITLES, DEFAULT_KEEP_SCTE35,
                DEFAULT_KEEP_OTHER_DATA);
    }

    public static HlsConfig defaults() {
        return new HlsConfig(DEFAULT_TARGET_DURATION, DEFAULT_WINDOW_SEGMENTS, DEFAULT_EXTRA_SEGMENTS_ON_DISK);
    }
}
