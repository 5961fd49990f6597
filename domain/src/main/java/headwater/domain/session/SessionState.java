package headwater.domain.session;

/** Where a session stands in its life. */
public enum SessionState {
    /** It holds one of the subscriber's stream slots and its bandwidth reservation. */
    ACTIVE,
    /**
     * Nothing was requested for about two target durations: the slot and the reservation are released, so that a
     * ghost never blocks zapping. The next request re-admits it (limit and capacity are checked again).
     */
    IDLE,
    /** Over for good ({@link EndReason}); its token gets 403. */
    ENDED
}
