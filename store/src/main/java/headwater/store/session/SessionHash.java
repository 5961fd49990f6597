package headwater.store.session;

import headwater.domain.session.EndReason;
import headwater.domain.session.PlaybackSession;
import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionRecord;
import headwater.domain.session.SessionState;
import headwater.domain.subscriber.OutputFormat;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A session's Redis hash, field by field (no Java serialization): what {@link PlaybackSession} fixes at admission,
 * plus {@code state}, {@code seen}, {@code bytes} and, once ended, {@code reason} and {@code endedAt}, which the Lua
 * scripts maintain.
 */
final class SessionHash {

    static final String SUBSCRIBER = "sub";
    static final String SCOPE = "scope";
    static final String RENDITION = "rend";
    static final String FORMAT = "fmt";
    static final String DEVICE = "dev";
    static final String ADDRESS = "addr";
    static final String USER_AGENT = "ua";
    static final String STARTED = "start";
    static final String EXPIRES = "exp";
    static final String RESERVED = "bps";
    static final String IDLE_AFTER = "idle";
    static final String NODE = "node";
    static final String STATE = "state";
    static final String REASON = "reason";
    static final String LAST_SEEN = "seen";
    static final String BYTES = "bytes";


    private SessionHash() {
    }

    /** The fields fixed at admission, as field, value, field, value…; absent address and user agent are left out. */
    static List<String> fields(PlaybackSession session) {
        List<String> fields = new ArrayList<>(26);
        add(fields, SUBSCRIBER, session.subscriberId());
        add(fields, SCOPE, scope(session.target()));
        add(fields, RENDITION, session.rendition());
        add(fields, FORMAT, session.format().name());
        add(fields, DEVICE, session.deviceKey());
        if (session.clientAddress() != null) {
            add(fields, ADDRESS, session.clientAddress().getHostAddress());
        }
        if (session.userAgent() != null) {
            add(fields, USER_AGENT, session.userAgent());
        }
        add(fields, STARTED, TimeText.of(session.started()));
        add(fields, EXPIRES, TimeText.of(session.expires()));
        add(fields, RESERVED, Long.toString(session.reservedBitsPerSecond()));
        add(fields, IDLE_AFTER, TimeText.of(session.idleAfter()));
        add(fields, NODE, session.node());
        return fields;
    }

    static PlaybackSession session(String id, Map<String, String> hash) {
        return new PlaybackSession(id, required(hash, SUBSCRIBER), target(required(hash, SCOPE)),
                required(hash, RENDITION), OutputFormat.valueOf(required(hash, FORMAT)), required(hash, DEVICE),
                address(hash.get(ADDRESS)), hash.get(USER_AGENT), TimeText.instant(STARTED, required(hash, STARTED)),
                TimeText.instant(EXPIRES, required(hash, EXPIRES)), Long.parseLong(required(hash, RESERVED)),
                TimeText.duration(IDLE_AFTER, required(hash, IDLE_AFTER)), required(hash, NODE));
    }

    /**
     * The record as of {@code now}: a session past its expiry is ENDED (EXPIRED) and an ACTIVE one silent for longer
     * than its idleAfter is IDLE, whether or not a script has written that yet.
     */
    static SessionRecord record(String id, Map<String, String> hash, Instant now) {
        PlaybackSession session = session(id, hash);
        Instant lastSeen = TimeText.instant(LAST_SEEN, required(hash, LAST_SEEN));
        long bytes = Long.parseLong(hash.getOrDefault(BYTES, "0"));
        SessionState state = SessionState.valueOf(required(hash, STATE));
        EndReason reason = state == SessionState.ENDED ? EndReason.valueOf(required(hash, REASON)) : null;
        if (state != SessionState.ENDED && !now.isBefore(session.expires())) {
            state = SessionState.ENDED;
            reason = EndReason.EXPIRED;
        } else if (state == SessionState.ACTIVE && lastSeen.plus(session.idleAfter()).isBefore(now)) {
            state = SessionState.IDLE;
        }
        return new SessionRecord(session, state, reason, lastSeen, bytes);
    }

    private static String scope(PlaybackTarget target) {
        return target.scope();
    }

    private static PlaybackTarget target(String scope) {
        try {
            return PlaybackTarget.parse(scope);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Only IP literals are stored, so this never looks a name up. */
    private static InetAddress address(String text) {
        if (text == null) {
            return null;
        }
        boolean literal = text.indexOf(':') >= 0 || text.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
        if (!literal) {
            throw new IllegalStateException("session field " + ADDRESS + " is not an IP address: " + text);
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("session field " + ADDRESS + " is not an IP address: " + text, e);
        }
    }

    private static String required(Map<String, String> hash, String field) {
        String value = hash.get(field);
        if (value == null) {
            throw new IllegalStateException("session hash lacks its field " + field);
        }
        return value;
    }

    private static void add(List<String> fields, String field, String value) {
        fields.add(field);
        fields.add(value);
    }
}
