package headwater.headend;

import headwater.media.hls.VariantStream;
import headwater.media.ts.StreamFormat;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a running channel's window measures now, the same figures its multivariant playlist states: what a viewer of
 * the channel costs in egress and which picture it gets.
 *
 * @param peakBitsPerSecond the playlist's {@code BANDWIDTH}: the peak segment bitrate of the window
 * @param videoHeight       the first video stream's picture height in lines, 0 for a channel without video (radio)
 * @param targetDuration    the media playlist's target duration
 */
public record LiveMeasure(long peakBitsPerSecond, int videoHeight, Duration targetDuration) {

    public LiveMeasure {
        Objects.requireNonNull(targetDuration, "targetDuration");
        if (peakBitsPerSecond < 0 || videoHeight < 0) {
            throw new IllegalArgumentException("a measure of " + peakBitsPerSecond + " bit/s and " + videoHeight
                    + " lines is not one");
        }
    }

    /**
     * The measure of a window's variant, or empty while the stream has not said what it carries (no formats yet, or
     * a video stream whose picture size is not known yet): a quality cap cannot be judged on a guess.
     */
    static Optional<LiveMeasure> of(VariantStream variant, List<StreamFormat> formats, Duration targetDuration) {
        if (formats.isEmpty()) {
            return Optional.empty();
        }
        boolean video = formats.stream().anyMatch(f -> f.codec().isVideo());
        if (video && variant.resolution() == null) {
            return Optional.empty();
        }
        int height = video ? variant.resolution().height() : 0;
        return Optional.of(new LiveMeasure(variant.bandwidth(), height, targetDuration));
    }
}
