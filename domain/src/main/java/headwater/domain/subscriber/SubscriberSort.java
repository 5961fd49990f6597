package headwater.domain.subscriber;

/** The orders a subscriber listing can take; ties are broken by the id so that pages never overlap. */
public enum SubscriberSort {
    /** By username, ignoring ASCII case. */
    USERNAME,
    ID,
    /** By expiry, soonest first; subscribers that never expire come last. */
    EXPIRY,
    CREATED,
    UPDATED
}
