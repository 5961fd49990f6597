package headwater.delivery;

/**
 * How a media request is served: HLS playlists and segments, the continuous MPEG-TS stream, or a whole file with byte
 * ranges (a film or an episode, {@code /s/{token}/movie/...}, {@code /s/{token}/episode/...}).
 */
public enum StreamFormat {
    HLS, TS, FILE
}
