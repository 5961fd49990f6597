package headwater.media.hls;

import java.time.Duration;
import java.util.List;

/**
 * The peak and average segment bit rates of a rendition, for {@code BANDWIDTH} and {@code AVERAGE-BANDWIDTH}
 * (RFC 8216 §4.3.4.2), in bits per second.
 *
 * <p>The peak follows the definition of the HLS specification's second edition: the highest bit rate of any run of
 * consecutive segments lasting between half and one and a half target durations (a lone short segment, such as the
 * last one before a discontinuity, would otherwise overstate it); segments longer than that count on their own. The
 * average is all bits over all time. Segment sizes include the PAT and PMT that open every segment.
 */
public record SegmentBitrate(long peak, long average) {

    public static SegmentBitrate measure(List<MediaSegment> segments, Duration targetDuration) {
        long target90k = targetDuration.toMillis() * 90;
        long totalBytes = 0;
        long totalTicks = 0;
        long peak = 0;
        for (int i = 0; i < segments.size(); i++) {
            MediaSegment first = segments.get(i);
            totalBytes += first.sizeBytes();
            totalTicks += first.duration90k();
            long bytes = 0;
            long ticks = 0;
            for (int j = i; j < segments.size(); j++) {
                MediaSegment s = segments.get(j);
                if (j > i && ticks + s.duration90k() > target90k * 3 / 2) {
                    break;
                }
                bytes += s.sizeBytes();
                ticks += s.duration90k();
                if (ticks > 0 && ticks * 2 >= target90k) {
                    peak = Math.max(peak, bits(bytes, ticks));
                }
            }
        }
        long average = totalTicks == 0 ? 0 : bits(totalBytes, totalTicks);
        return new SegmentBitrate(Math.max(peak, average), average);
    }

    private static long bits(long bytes, long ticks90k) {
        return (long) Math.ceil(bytes * 8.0 * 90_000 / ticks90k);
    }
}
