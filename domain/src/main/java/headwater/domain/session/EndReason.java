package headwater.domain.session;

/** Why a session ended; an ended session's token gets 403 on its next request. */
public enum EndReason {
    /** An operator ended it (API or CLI). */
    OPERATOR,
    /** The same device opened another session (re-open or zap): the slot passed to the new one. */
    REPLACED,
    /** The subscriber hit the limit under {@link LimitPolicy#END_OLDEST} and this was the oldest session. */
    EVICTED,
    /** Its expiry passed. */
    EXPIRED,
    /** The subscriber lost the right to it (disabled, expired, package changed) while it ran. */
    REVOKED
}
