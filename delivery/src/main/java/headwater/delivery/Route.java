package headwater.delivery;

/** What a request path asks for, decided by {@link MediaPath#parse(String)} before any lookup or I/O. */
sealed interface Route {

    /**
     * Routes that serve a channel's media: CORS applies, and the {@link PlaybackGate} checks the token against the
     * scope before anything else.
     */
    sealed interface Media extends Route {

        /** The path's token segment: 1..128 of {@code [0-9a-f-]}, not yet verified. */
        String token();

        /** What the path asks for, {@code live/{channel}}: the scope the token must be signed for. */
        String scope();

        /** The path's channel; the viewer's session may serve another one (its rendition). */
        default String channel() {
            return scope().substring(MediaPath.LIVE_SCOPE.length());
        }

        StreamFormat format();
    }

    /** {@code /s/{token}/live/{channel}/index.m3u8}. */
    record MultivariantPlaylist(String token, String scope) implements Media {
        @Override
        public StreamFormat format() {
            return StreamFormat.HLS;
        }
    }

    /** {@code /s/{token}/live/{channel}/media.m3u8}. */
    record MediaPlaylist(String token, String scope) implements Media {
        @Override
        public StreamFormat format() {
            return StreamFormat.HLS;
        }
    }

    /** {@code /s/{token}/live/{channel}/{sequence}.ts}. */
    record Segment(String token, String scope, long mediaSequence) implements Media {
        @Override
        public StreamFormat format() {
            return StreamFormat.HLS;
        }
    }

    /** {@code /s/{token}/live/{channel}.ts}: the continuous MPEG-TS stream. */
    record Stream(String token, String scope) implements Media {
        @Override
        public StreamFormat format() {
            return StreamFormat.TS;
        }
    }

    /**
     * A media path whose token segment cannot be a token (empty, too long, a character outside {@code [0-9a-f-]}):
     * refused exactly like a token the gate refuses, without asking it.
     */
    record Refused() implements Route {}

    /** {@code /healthz}. */
    record Health() implements Route {}

    /** {@code /metrics}. */
    record Metrics() implements Route {}

    /** No such resource (404). */
    record NotFound() implements Route {}

    /**
     * A media path that breaks the grammar (400): a bad channel id or media sequence, a dot segment, an escape. Such
     * requests never reach the gate or the catalog.
     *
     * @param reason safe to echo: it never contains the offending input
     */
    record Malformed(String reason) implements Route {}
}
