package headwater.headend;

import headwater.media.hls.MediaPlaylist;
import headwater.media.hls.MediaSegment;
import headwater.media.hls.MultivariantPlaylist;
import headwater.media.hls.Playlist;
import headwater.media.hls.PlaylistWriter;
import headwater.media.hls.VariantStream;
import headwater.media.ts.StreamFormat;
import java.time.Duration;
import java.util.List;

/**
 * Renders a live channel's playlists with the media module's playlist classes (RFC 8216): the media playlist of the
 * window, with relative segment URIs {@code <sequence>.ts}, and the multivariant playlist with its single variant
 * {@code media.m3u8}.
 */
final class LivePlaylists {
    static final String MEDIA_PLAYLIST = "media.m3u8";

    private LivePlaylists() {}

    /**
     * @param segments the segments to list, oldest first, never empty; each carries the window's own sequence,
     *     discontinuity flag and discontinuity sequence (number of discontinuities up to and including it)
     */
    static byte[] media(List<MediaSegment> segments, int targetDurationSeconds) {
        return PlaylistWriter.render((Playlist) MediaPlaylist.of(Duration.ofSeconds(targetDurationSeconds), segments,
                s -> s.sequence() + ".ts", false));
    }

    /**
     * One variant: {@code BANDWIDTH} is the peak segment bitrate, {@code AVERAGE-BANDWIDTH} the mean over the
     * segments; {@code CODECS}, {@code RESOLUTION} and {@code FRAME-RATE} come from the stream formats when known.
     */
    static VariantStream variant(List<MediaSegment> segments, List<StreamFormat> formats, Duration targetDuration) {
        return VariantStream.describe(MEDIA_PLAYLIST, formats, segments, targetDuration);
    }

    /** The multivariant playlist of the one {@link #variant}. */
    static byte[] multivariant(VariantStream variant) {
        return PlaylistWriter.render((Playlist) new MultivariantPlaylist(true, List.of(variant)));
    }
}
