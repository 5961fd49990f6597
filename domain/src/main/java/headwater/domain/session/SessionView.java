package headwater.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A live session as an operator sees it (API and CLI).
 *
 * @param state         ACTIVE or IDLE, as the registry counts it
 * @param lastSeen      the latest request or chunk any node reported, or this node saw
 * @param bytes         bytes served so far: the registry's total plus what this node has not reported yet
 * @param bitsPerSecond the rate this node sent during its latest tick interval when it serves the session; for a
 *                      session other nodes serve, its average since it started; 0 while idle
 */
public record SessionView(PlaybackSession session, SessionState state, Instant lastSeen, long bytes,
                          long bitsPerSecond) {
    public SessionView {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /**
     * The view of {@code record} as this node knows it.
     *
     * @param local this node's handle on the session, or null when it does not hold it
     */
    static SessionView of(SessionRecord record, ActiveSession local) {
        long bytes = record.bytes();
        Instant lastSeen = record.lastSeen();
        if (local != null) {
            bytes += local.unreportedBytes();
            if (local.lastSeen().isAfter(lastSeen)) {
                lastSeen = local.lastSeen();
            }
        }
        long bitsPerSecond;
        if (record.state() != SessionState.ACTIVE) {
            bitsPerSecond = 0;
        } else if (local != null && local.state() == SessionState.ACTIVE) {
            bitsPerSecond = local.bitsPerSecond();
        } else {
            long millis = Duration.between(record.session().started(), lastSeen).toMillis();
            bitsPerSecond = millis <= 0 ? 0 : bytes * 8_000 / millis;
        }
        return new SessionView(record.session(), record.state(), lastSeen, bytes, bitsPerSecond);
    }
}
