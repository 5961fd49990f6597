package headwater.media.hls;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A media playlist (RFC 8216 §4.3.3): the segments of one rendition.
 *
 * @param targetDuration {@code EXT-X-TARGETDURATION}: the configured target; the writer raises it to the longest
 *     rounded {@code EXTINF} if a segment ran over
 * @param mediaSequence {@code EXT-X-MEDIA-SEQUENCE}: the sequence number of the first segment
 * @param discontinuitySequence {@code EXT-X-DISCONTINUITY-SEQUENCE}
 * @param endList whether {@code EXT-X-ENDLIST} closes the playlist
 * @param playlistType {@code EXT-X-PLAYLIST-TYPE}, or null for a live playlist without one
 * @param independentSegments whether {@code EXT-X-INDEPENDENT-SEGMENTS} is present
 */
public record MediaPlaylist(
        Duration targetDuration,
        long mediaSequence,
        long discontinuitySequence,
        List<PlaylistSegment> segments,
        boolean endList,
        PlaylistType playlistType,
        boolean independentSegments) implements Playlist {

    public MediaPlaylist {
        Objects.requireNonNull(targetDuration, "targetDuration");
        segments = List.copyOf(segments);
        if (mediaSequence < 0 || discontinuitySequence < 0) {
            throw new IllegalArgumentException("media sequence " + mediaSequence + " and discontinuity sequence "
                    + discontinuitySequence + " must not be negative");
        }
    }

    /**
     * The live playlist of a window of segments cut by {@link HlsSegmenter}: every segment carries its program date
     * time (to the millisecond) and its duration (rounded to the millisecond); segments are independent (each starts
     * on a keyframe). An encrypted segment carries its {@code EXT-X-KEY} (relative key URI, its own IV), so the
     * writer declares a key before every encrypted segment.
     *
     * @param window consecutive segments, oldest first
     * @param uriOf the URI to write for a segment
     */
    public static MediaPlaylist of(Duration targetDuration, List<MediaSegment> window,
            Function<MediaSegment, String> uriOf, boolean endList) {
        List<PlaylistSegment> segments = new ArrayList<>(window.size());
        for (MediaSegment s : window) {
            Duration duration = Duration.ofMillis(Math.round(s.duration90k() / 90.0));
            segments.add(new PlaylistSegment(uriOf.apply(s), duration, "", s.discontinuity(),
                    s.programDateTime() == null ? null : s.programDateTime().truncatedTo(ChronoUnit.MILLIS), null,
                    s.encryption() == null ? null : s.encryption().segmentKey(), null));
        }
        long mediaSequence = window.isEmpty() ? 0 : window.get(0).sequence();
        long discontinuitySequence = 0;
        if (!window.isEmpty()) {
            MediaSegment first = window.get(0);
            // the first segment's own EXT-X-DISCONTINUITY is still in the playlist and counts after the tag's value
            discontinuitySequence = first.discontinuitySequence() - (first.discontinuity() ? 1 : 0);
        }
        return new MediaPlaylist(targetDuration, mediaSequence, Math.max(0, discontinuitySequence), segments, endList,
                null, true);
    }

    /** The sum of the segment durations. */
    public Duration duration() {
        Duration total = Duration.ZERO;
        for (PlaylistSegment s : segments) {
            total = total.plus(s.duration());
        }
        return total;
    }
}
