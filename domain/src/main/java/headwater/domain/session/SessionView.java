package headwater.domain.session;

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
}
