package headwater.domain.subscriber;

/** The stream formats a subscriber may request: HLS playlists and segments, or a continuous MPEG-TS. */
public enum OutputFormat {
    HLS, TS
}
