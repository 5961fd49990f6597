package headwater.delivery;

import java.time.Instant;

/** What a request path asks for, decided by {@link MediaPath#parse(String)} before any lookup or I/O. */
sealed interface Route {

    /**
     * Routes that serve media: CORS applies, and the {@link PlaybackGate} checks the token against the scope before
     * anything else.
     */
    sealed interface Media extends Route {

        /** The path's token segment: 1..128 of {@code [0-9a-f-]}, not yet verified. */
        String token();

        /**
         * What the path asks for, the scope the token must be signed for: {@code live/{channel}},
         * {@code archive/{channel}/{start}-{seconds}}, {@code movie/{id}} or {@code episode/{id}}.
         */
        String scope();

        StreamFormat format();
    }

    /** A route of a live channel ({@code /s/{token}/live/...}): the hot path. */
    sealed interface Live extends Media {

        /** The path's channel; the viewer's session may serve another one (its rendition). */
        default String channel() {
            return scope().substring(MediaPath.LIVE_SCOPE.length());
        }
    }

    /** {@code /s/{token}/live/{channel}/index.m3u8}. */
    record MultivariantPlaylist(String token, String scope) implements Live {
        @Override
        public StreamFormat format() {
            return StreamFormat.HLS;
        }
    }

    /** {@code /s/{token}/live/{channel}/media.m3u8}. */
    record MediaPlaylist(String token, String scope) implements Live {
        @Override
        public StreamFormat format() {
            return StreamFormat.HLS;
        }
    }

    /** {@code /s/{token}/live/{channel}/{sequence}.ts}. */
    record Segment(String token, String scope, long mediaSequence) implements Live {
        @Override
        public StreamFormat format() {
            return StreamFormat.HLS;
        }
    }

    /**
     * {@code /s/{token}/live/{channel}/key/{keyId}.key}: an AES-128 content key of the channel's encrypted segments
     * (the media playlist's relative {@code key/{keyId}.key}).
     */
    record Key(String token, String scope, String keyId) implements Live {
        @Override
        public StreamFormat format() {
            return StreamFormat.HLS;
        }
    }

    /** {@code /s/{token}/live/{channel}.ts}: the continuous MPEG-TS stream. */
    record Stream(String token, String scope) implements Live {
        @Override
        public StreamFormat format() {
            return StreamFormat.TS;
        }
    }

    /**
     * A route into a window of a channel's catch-up archive, {@code /s/{token}/archive/{channel}/{start}-{seconds}...}.
     * The channel is the path's (the archive of a rendition is not another window).
     */
    sealed interface Archive extends Media {

        /** The archived channel. */
        String channel();

        /** The window's start, whole seconds since the epoch. */
        long startSeconds();

        /** The window's length in seconds, 1 to {@link MediaPath#MAX_ARCHIVE_SECONDS}. */
        long seconds();

        default Instant from() {
            return Instant.ofEpochSecond(startSeconds());
        }

        default Instant to() {
            return Instant.ofEpochSecond(startSeconds() + seconds());
        }
    }

    /** {@code /s/{token}/archive/{channel}/{start}-{seconds}/index.m3u8}: the window as an HLS VOD or EVENT playlist. */
    record ArchivePlaylist(String token, String scope, String channel, long startSeconds, long seconds)
            implements Archive {
        @Override
        public StreamFormat format() {
            return StreamFormat.HLS;
        }
    }

    /** {@code /s/{token}/archive/{channel}/{start}-{seconds}/{sequence}.ts}: one archived segment of the window. */
    record ArchiveSegment(String token, String scope, String channel, long startSeconds, long seconds,
                          long mediaSequence) implements Archive {
        @Override
        public StreamFormat format() {
            return StreamFormat.HLS;
        }
    }

    /** {@code /s/{token}/archive/{channel}/{start}-{seconds}/key/{keyId}.key}: a content key of archived segments. */
    record ArchiveKey(String token, String scope, String channel, long startSeconds, long seconds, String keyId)
            implements Archive {
        @Override
        public StreamFormat format() {
            return StreamFormat.HLS;
        }
    }

    /** {@code /s/{token}/archive/{channel}/{start}-{seconds}.ts}: the window as one continuous MPEG-TS. */
    record ArchiveStream(String token, String scope, String channel, long startSeconds, long seconds)
            implements Archive {
        @Override
        public StreamFormat format() {
            return StreamFormat.TS;
        }
    }

    /**
     * {@code /s/{token}/movie/{id}.{ext}} or {@code /s/{token}/episode/{id}.{ext}}: a film or an episode, with byte
     * ranges. The extension is the player's business (it picks a demuxer by it); the scope names the item only.
     *
     * @param scope     {@code movie/{id}} or {@code episode/{id}}
     * @param extension the path's extension, {@code [A-Za-z0-9]{1,8}}
     */
    record Vod(String token, String scope, String extension) implements Media {
        @Override
        public StreamFormat format() {
            return StreamFormat.FILE;
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

    /** No such resource (404, or the server's fallback handler). */
    record NotFound() implements Route {}

    /**
     * A media path that breaks the grammar (400): a bad channel id or media sequence, a dot segment, an escape. Such
     * requests never reach the gate or the catalog.
     *
     * @param reason safe to echo: it never contains the offending input
     */
    record Malformed(String reason) implements Route {}
}
