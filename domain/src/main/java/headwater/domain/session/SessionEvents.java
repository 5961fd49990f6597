package headwater.domain.session;

/**
 * What {@link SessionService} tells the application, for logs and metrics. Called on the thread that caused the
 * event (a request, the tick, or the registry's listener thread): implementations must be quick and must not block.
 * Every method does nothing by default.
 */
public interface SessionEvents {

    /** Reports nothing. */
    SessionEvents NONE = new SessionEvents() {
    };

    /** A session was admitted on this node. */
    default void opened(PlaybackSession session) {
    }

    /**
     * A session was not opened, or an idle one not resumed (then {@code request} describes the session), for
     * {@code reason}; never {@link Denial#CAPACITY}, which is {@link #busy}.
     */
    default void denied(Denial reason, SessionRequest request) {
    }

    /** The node had no egress room for {@code bitsPerSecond} more: the client gets 503 with Retry-After. */
    default void busy(SessionRequest request, long bitsPerSecond) {
    }

    /**
     * A session admitted by this node ended, whichever node ended it. Sessions this node no longer holds (idle for
     * long) are not reported.
     */
    default void ended(String sessionId, EndReason reason) {
    }

    /** A session went silent on this node: its egress reservation here is released. */
    default void idle(PlaybackSession session) {
    }

    /** An idle session was requested again and admitted again on this node. */
    default void resumed(PlaybackSession session) {
    }
}
