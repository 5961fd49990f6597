package headwater.domain.session;

/** What happens when a subscriber at their concurrent-stream limit starts one more stream. */
public enum LimitPolicy {
    /** The new session is refused ({@link Denial#CONNECTION_LIMIT}); running ones go on. */
    REFUSE_NEW,
    /** The session that started first is ended ({@link EndReason#EVICTED}; 403 on its next request). */
    END_OLDEST
}
