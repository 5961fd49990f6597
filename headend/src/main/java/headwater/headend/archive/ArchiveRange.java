package headwater.headend.archive;

import java.time.Instant;

/**
 * What a channel's archive holds: media from {@code first} to {@code last}, possibly with gaps.
 *
 * @param first    the start of the oldest kept segment
 * @param last     the end of the newest kept segment
 * @param days     the retention the channel records with
 * @param segments how many segments are kept
 * @param bytes    their total size
 */
public record ArchiveRange(Instant first, Instant last, int days, int segments, long bytes) {}
