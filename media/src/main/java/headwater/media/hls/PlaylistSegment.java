package headwater.media.hls;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One media segment line of a media playlist with the tags that apply to it (RFC 8216 §4.3.2).
 *
 * @param uri the segment's URI as written (or resolved against the playlist's URI when parsed)
 * @param duration the {@code EXTINF} duration
 * @param title the {@code EXTINF} title, {@code ""} when none
 * @param discontinuity whether an {@code EXT-X-DISCONTINUITY} precedes the segment
 * @param programDateTime {@code EXT-X-PROGRAM-DATE-TIME} given for this segment, or null
 * @param byteRange {@code EXT-X-BYTERANGE}, or null for the whole resource
 * @param key the {@code EXT-X-KEY} in effect, or null when the segment is not encrypted
 * @param map the {@code EXT-X-MAP} in effect, or null
 */
public record PlaylistSegment(
        String uri,
        Duration duration,
        String title,
        boolean discontinuity,
        Instant programDateTime,
        ByteRange byteRange,
        SegmentKey key,
        MediaInitializationSection map) {

    public PlaylistSegment {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("segment " + uri + " has a negative duration " + duration);
        }
        title = title == null ? "" : title;
    }

    /** A segment as Headwater writes them: no title, byte range, key or map. */
    public PlaylistSegment(String uri, Duration duration, boolean discontinuity, Instant programDateTime) {
        this(uri, duration, "", discontinuity, programDateTime, null, null, null);
    }
}
