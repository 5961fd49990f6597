package headwater.domain.subscriber;

/** Whether a subscriber may watch: only {@link #ACTIVE} subscribers whose expiry has not passed may. */
public enum SubscriberStatus {
    ACTIVE,
    /** Switched off by the operator or reseller, e.g. unpaid; can be switched on again. */
    DISABLED,
    /** Shut out for abuse (sharing, restreaming). */
    BANNED,
    /** The paid period ended; renewing makes it active again. */
    EXPIRED
}
