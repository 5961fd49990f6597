package headwater.domain.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A session as the {@link SessionRegistry} knows it now.
 *
 * @param endReason why it ended, or null unless {@code state} is {@link SessionState#ENDED}
 * @param lastSeen  the last request or streamed chunk any node reported
 * @param bytes     bytes served to it so far, as reported by the nodes
 */
public record SessionRecord(PlaybackSession session, SessionState state, EndReason endReason, Instant lastSeen,
                            long bytes) {

    public SessionRecord {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if ((state == SessionState.ENDED) != (endReason != null)) {
            throw new IllegalArgumentException("session " + session.id() + " is " + state + " with end reason "
                    + endReason + ": only an ended session has one");
        }
    }
}
