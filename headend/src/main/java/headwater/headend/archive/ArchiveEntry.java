package headwater.headend.archive;

import headwater.media.hls.SegmentEncryption;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One recorded segment of a channel's archive.
 *
 * @param sequence       the archive's own sequence number: unique and increasing within the channel, never reused
 * @param start          the wall-clock time of its first sample (the live segment's program date-time)
 * @param durationMicros its duration, from its timestamps
 * @param sizeBytes      the file's length
 * @param discontinuity  whether it does not continue the previous recorded segment: a source switch, a restart, a gap
 *                       or a segment that could not be recorded
 * @param file           where it is; retention may delete it at any moment after it was returned
 * @param encryption     how the file is encrypted (the live segment's key id and IV), or null when it is clear
 */
public record ArchiveEntry(long sequence, Instant start, long durationMicros, long sizeBytes, boolean discontinuity,
                           Path file, SegmentEncryption encryption) {

    /** A segment recorded in the clear. */
    public ArchiveEntry(long sequence, Instant start, long durationMicros, long sizeBytes, boolean discontinuity,
                        Path file) {
        this(sequence, start, durationMicros, sizeBytes, discontinuity, file, null);
    }

    /** The instant its last sample ends. */
    public Instant end() {
        return start.plusNanos(durationMicros * 1_000L);
    }
}
