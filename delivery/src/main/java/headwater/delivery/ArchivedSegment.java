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
 * @param keyId          the id of the AES-128 key the file is encrypted with ({@code [0-9a-f]{1,64}}), or null when
 *                       it is in the clear
 * @param iv             the file's 16-byte IV when encrypted, else null
 */
public record ArchivedSegment(long sequence, Instant start, long durationMicros, long sizeBytes, Path file,
                              boolean discontinuity, String keyId, byte[] iv) {

    /** A segment in the clear. */
    public ArchivedSegment(long sequence, Instant start, long durationMicros, long sizeBytes, Path file,
                           boolean discontinuity) {
        this(sequence, start, durationMicros, sizeBytes, file, discontinuity, null, null);
    }

    /** Whether the file is encrypted (whole-segment AES-128 under {@link #keyId}). */
    public boolean encrypted() {
        return keyId != null;
    }

    public ArchivedSegment {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(file, "file");
        if ((keyId == null) != (iv == null) || (iv != null && iv.length != 16)) {
            throw new IllegalArgumentException("an encrypted segment needs a key id and a 16-byte IV");
        }
        iv = iv == null ? null : iv.clone();
    }

    public Instant end() {
        return start.plusNanos(durationMicros * 1_000);
    }
}
