package headwater.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import headwater.domain.session.PlaybackSession;
import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionRecord;
import headwater.domain.subscriber.OutputFormat;
import java.util.Locale;

/**
 * A playback session as the API shows it. What it plays is one of: {@code channelId} (live), {@code channelId} with
 * {@code archiveStart} and {@code archiveSeconds} (a catch-up window), {@code movieId}, {@code episodeId}. A film or
 * episode has no {@code format} (it is one file served with byte ranges). {@code urls} only on the answer that opened
 * it (the token is never stored in a readable form); the activity fields ({@code state}, {@code lastSeen},
 * {@code bytes}, {@code bitsPerSecond}) only in the list.
 *
 * @param rendition what is served: the channel, the rendition the plan's best quality selected, or the film or episode
 * @param urls      the session's media URLs, relative to the server's base URL
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SessionView(String id, String subscriberId, String channelId, String archiveStart, Long archiveSeconds,
                   String movieId, String episodeId, String rendition, String format, String deviceKey,
                   String clientAddress, String userAgent, String started, String expires, String node, String state,
                   String endReason, String lastSeen, Long bytes, Long bitsPerSecond, Urls urls) {

    /**
     * The media URLs of a session, each for its format only (a token opens nothing else): the HLS multivariant and
     * media playlists or the MPEG-TS stream of a live channel; the playlist (a VOD playlist) or the one continuous
     * MPEG-TS of an archive window; the file of a film or episode.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Urls(String multivariant, String media, String playlist, String stream, String file) {

        /** @param extension what a film's or episode's file URL ends with (the player picks its demuxer by it) */
        static Urls of(String token, PlaybackTarget target, OutputFormat format, String extension) {
            String base = "/s/" + token + "/" + target.scope();
            boolean hls = format == OutputFormat.HLS;
            return switch (target) {
                case PlaybackTarget.Live live -> hls ? new Urls(base + "/index.m3u8", base + "/media.m3u8", null, null,
                        null) : new Urls(null, null, null, base + ".ts", null);
                case PlaybackTarget.Archive archive -> hls ? new Urls(null, null, base + "/index.m3u8", null, null)
                        : new Urls(null, null, null, base + ".ts", null);
                case PlaybackTarget.Movie movie -> new Urls(null, null, null, null, base + "." + extension);
                case PlaybackTarget.Episode episode -> new Urls(null, null, null, null, base + "." + extension);
            };
        }
    }

    /** @param extension for a film or episode: what its file URL ends with; ignored otherwise */
    static SessionView opened(PlaybackSession s, String token, String extension) {
        return base(s, null, null, null, null, null, Urls.of(token, s.target(), s.format(), extension));
    }

    static SessionView listed(SessionControl.Listed listed) {
        SessionRecord r = listed.record();
        return base(r.session(), r.state().name().toLowerCase(Locale.ROOT),
                r.endReason() == null ? null : r.endReason().name().toLowerCase(Locale.ROOT), r.lastSeen().toString(), r.bytes(),
                listed.bitsPerSecond(), null);
    }

    private static SessionView base(PlaybackSession s, String state, String endReason, String lastSeen, Long bytes,
                                    Long bitsPerSecond, Urls urls) {
        String channel = null;
        String archiveStart = null;
        Long archiveSeconds = null;
        String movie = null;
        String episode = null;
        switch (s.target()) {
            case PlaybackTarget.Live live -> channel = live.channelId();
            case PlaybackTarget.Archive archive -> {
                channel = archive.channelId();
                archiveStart = archive.start().toString();
                archiveSeconds = archive.duration().getSeconds();
            }
            case PlaybackTarget.Movie m -> movie = m.movieId();
            case PlaybackTarget.Episode e -> episode = e.episodeId();
        }
        String format = movie != null || episode != null ? null : s.format().name().toLowerCase(Locale.ROOT);
        return new SessionView(s.id(), s.subscriberId(), channel, archiveStart, archiveSeconds, movie, episode,
                s.rendition(), format, s.deviceKey(), s.clientAddress() == null ? null : s.clientAddress().getHostAddress(),
                s.userAgent(), s.started().toString(), s.expires().toString(), s.node(), state, endReason, lastSeen, bytes,
                bitsPerSecond, urls);
    }
}
