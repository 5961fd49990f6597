package headwater.media.hls;

/** {@code EXT-X-PLAYLIST-TYPE} (RFC 8216 §4.3.3.5). */
public enum PlaylistType {
    /** Segments are only ever appended. */
    EVENT,
    /** The playlist will never change. */
    VOD
}
