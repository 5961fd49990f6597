package headwater.delivery;

/** What a request path asks for, decided by {@link MediaPath#parse(String)} before any lookup or I/O. */
sealed interface Route {

    /** Routes that serve a channel's media: CORS applies, and (later) a session token is checked first. */
    sealed interface Media extends Route {
        String channel();
    }

    /** {@code /live/{channel}/index.m3u8}. */
    record MultivariantPlaylist(String channel) implements Media {}

    /** {@code /live/{channel}/media.m3u8}. */
    record MediaPlaylist(String channel) implements Media {}

    /** {@code /live/{channel}/{sequence}.ts}. */
    record Segment(String channel, long mediaSequence) implements Media {}

    /** {@code /live/{channel}.ts}: the continuous MPEG-TS stream. */
    record Stream(String channel) implements Media {}

    /** {@code /healthz}. */
    record Health() implements Route {}

    /** {@code /metrics}. */
    record Metrics() implements Route {}

    /** No such resource (404). */
    record NotFound() implements Route {}

    /**
     * A path under {@code /live/} that breaks the grammar (400): a bad channel id or media sequence, a dot segment,
     * an escape. Such requests never reach the catalog.
     *
     * @param reason safe to echo: it never contains the offending input
     */
    record Malformed(String reason) implements Route {}
}
