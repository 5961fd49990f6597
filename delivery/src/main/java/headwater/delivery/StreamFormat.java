package headwater.delivery;

/** How a media request is served: HLS playlists and segments, or the continuous MPEG-TS stream. */
public enum StreamFormat {
    HLS, TS
}
