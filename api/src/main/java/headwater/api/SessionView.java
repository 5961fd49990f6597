package headwater.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import headwater.domain.session.PlaybackSession;
import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionRecord;
import headwater.domain.subscriber.OutputFormat;
import java.util.Locale;

/**
 * A playback session as the API shows it. {@code urls} only on the answer that opened it (the token is never stored
 * in a readable form); the activity fields ({@code state}, {@code lastSeen}, {@code bytes}, {@code bitsPerSecond})
 * only in the list.
 *
 * @param urls the session's media URLs, relative to the server's base URL
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SessionView(String id, String subscriberId, String channelId, String rendition, String format,
                   String deviceKey, String clientAddress, String userAgent, String started, String expires,
                   String node, String state, String endReason, String lastSeen, Long bytes, Long bitsPerSecond,
                   Urls urls) {

    /** The media URLs of a session: HLS multivariant and media playlists, or the continuous MPEG-TS stream. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Urls(String multivariant, String media, String stream) {

        /** The URLs of the session's format: its token opens only those (HLS playlists, or the MPEG-TS stream). */
        static Urls of(String token, PlaybackTarget target, OutputFormat format) {
            String base = "/s/" + token + "/" + target.scope();
            return format == OutputFormat.HLS ? new Urls(base + "/index.m3u8", base + "/media.m3u8", null)
                    : new Urls(null, null, base + ".ts");
        }
    }

    static SessionView opened(PlaybackSession s, String token) {
        return base(s, null, null, null, null, null, Urls.of(token, s.target(), s.format()));
    }

    static SessionView listed(SessionControl.Listed listed) {
        SessionRecord r = listed.record();
        return base(r.session(), r.state().name().toLowerCase(Locale.ROOT),
                r.endReason() == null ? null : r.endReason().name().toLowerCase(Locale.ROOT), r.lastSeen().toString(), r.bytes(),
                listed.bitsPerSecond(), null);
    }

    private static SessionView base(PlaybackSession s, String state, String endReason, String lastSeen, Long bytes,
                                    Long bitsPerSecond, Urls urls) {
        String channel = s.target() instanceof PlaybackTarget.Live live ? live.channelId() : s.target().scope();
        return new SessionView(s.id(), s.subscriberId(), channel, s.rendition(), s.format().name().toLowerCase(Locale.ROOT),
                s.deviceKey(), s.clientAddress() == null ? null : s.clientAddress().getHostAddress(), s.userAgent(),
                s.started().toString(), s.expires().toString(), s.node(), state, endReason, lastSeen, bytes, bitsPerSecond, urls);
    }
}
