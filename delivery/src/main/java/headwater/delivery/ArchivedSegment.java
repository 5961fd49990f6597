package headwater.delivery;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One segment of a channel's archive on disk.
 *
 * @param sequence       the segment's media sequence number (unique and increasing within the channel)
 * @param start          the wall-clock time of its first sample ({@code EXT-X-PROGRAM-DATE-TIME})
 * @param durationMicros its duration, from its timestamps
 * @param sizeBytes      the file's length
 * @param file           where it is; it may be deleted by retention at any moment (then 404 / the stream ends)
 * @param discontinuity  whether it does not continue the previous archived segment (a source switch, a restart, a
 *                       gap)
 */
public record ArchivedSegment(long sequence, Instant start, long durationMicros, long sizeBytes, Path file,
                              boolean discontinuity) {

    public ArchivedSegment {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(file, "file");
    }

    public Instant end() {
        return start.plusNanos(durationMicros * 1_000);
    }
}
