package headwater.domain.archive;

import java.time.Instant;
import java.util.Objects;

/**
 * What a channel's archive holds now: recorded media from {@code first} to {@code last} (with possible gaps, e.g.
 * while every source was down), kept for {@code days}.
 *
 * @param first the start of the oldest kept segment
 * @param last  the end of the newest kept segment
 * @param days  the channel's configured retention, at least 1
 */
public record ArchiveSpan(Instant first, Instant last, int days) {

    public ArchiveSpan {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("archive span ends at " + last + " before it starts at " + first);
        }
        if (days < 1) {
            throw new IllegalArgumentException("archive days must be at least 1: " + days);
        }
    }

    /** Whether a programme from {@code start} to {@code end} lies (at least partly) in what is recorded. */
    public boolean overlaps(Instant start, Instant end) {
        return start.isBefore(last) && end.isAfter(first);
    }
}
