package headwater.media.hls;

import java.time.Duration;

/**
 * @param targetDuration the duration a segment aims for; a segment ends on the first keyframe at or after it
 * @param firstSequence media sequence number of the first segment (continues across restarts)
 * @param firstDiscontinuitySequence discontinuity sequence number of the first segment
 */
public record SegmenterOptions(Duration targetDuration, long firstSequence, long firstDiscontinuitySequence) {
    public static SegmenterOptions of(Duration targetDuration) {
        return new SegmenterOptions(targetDuration, 0, 0);
    }
}
