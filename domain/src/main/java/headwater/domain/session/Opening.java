package headwater.domain.session;

import java.time.Duration;
import java.util.Objects;

/** The outcome of {@link SessionService#open}. */
public sealed interface Opening {

    /** Admitted: serve it. */
    record Opened(ActiveSession session) implements Opening {
        public Opened {
            Objects.requireNonNull(session, "session");
        }
    }

    /** Refused for {@code reason} (logged and counted); the client gets the generic 403. */
    record Denied(Denial reason) implements Opening {
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The node's egress capacity is full ({@link Denial#CAPACITY}): 503 with {@code Retry-After}. */
    record Busy(Duration retryAfter) implements Opening {
        public Busy {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
