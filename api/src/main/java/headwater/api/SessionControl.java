package headwater.api;

import headwater.domain.session.Denial;
import headwater.domain.session.EndReason;
import headwater.domain.session.PlaybackSession;
import headwater.domain.session.SessionRecord;
import headwater.domain.session.SessionRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the admin API does with playback sessions; the application implements it over the domain's session service
 * (in memory or in Redis). Every method may block: the API calls them on a worker thread.
 */
public interface SessionControl {

    /** Checks the entitlement, the subscriber's limit and the node's capacity, and opens the session when they allow. */
    Opening open(SessionRequest request);

    /** Sessions that have not ended, oldest first; only the subscriber's when given. */
    List<Listed> list(Optional<String> subscriberId);

    /** Ends a session ({@link EndReason#OPERATOR}): its next media request gets 403. @return whether it was running */
    boolean end(String sessionId);

    /** The outcome of {@link #open}. */
    sealed interface Opening {
        /** Opened: the token goes into every media URL of the session. */
        record Opened(PlaybackSession session, String token) implements Opening {
        }

        /** Not entitled, or at the connection limit: the operator may read the reason (a player never does). */
        record Denied(Denial reason) implements Opening {
        }

        /** The node's egress capacity is full. */
        record Busy(Duration retryAfter) implements Opening {
        }
    }

    /**
     * A running session as an operator sees it.
     *
     * @param bitsPerSecond what it was served recently, per second
     */
    record Listed(SessionRecord record, long bitsPerSecond) {
    }

    /** For an API without session control (tests of other resources): opening answers 503, the list is empty. */
    SessionControl NONE = new SessionControl() {
        @Override
        public Opening open(SessionRequest request) {
            return new Opening.Busy(Duration.ofSeconds(60));
        }

        @Override
        public List<Listed> list(Optional<String> subscriberId) {
            return List.of();
        }

        @Override
        public boolean end(String sessionId) {
            return false;
        }
    };
}
