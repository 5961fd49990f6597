package headwater.media.hls;

/** An HLS playlist (RFC 8216 §4): either a media playlist or a multivariant playlist. */
public sealed interface Playlist permits MediaPlaylist, MultivariantPlaylist {}
