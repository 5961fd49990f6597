package headwater.domain.session;

import java.time.Duration;
import java.util.Objects;

/** The outcome of {@link SessionService#resume}: an idle session asked to play again. */
public sealed interface Resumption {

    /** It holds a slot and an egress reservation on this node again: serve it. */
    record Resumed(ActiveSession session) implements Resumption {
        public Resumed {
            Objects.requireNonNull(session, "session");
        }
    }

    /** It ended or expired (or was forgotten): 403. */
    record Gone() implements Resumption {
    }

    /**
     * Not now, for {@code reason}: the subscriber is at the limit ({@link Denial#CONNECTION_LIMIT}; the session stays
     * idle and may try again), or lost the right to it (then it is ended, {@link EndReason#REVOKED}). 403 either way.
     */
    record Refused(Denial reason) implements Resumption {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The node's egress capacity is full: 503 with {@code Retry-After}; the session stays idle. */
    record Busy(Duration retryAfter) implements Resumption {
        public Busy {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
