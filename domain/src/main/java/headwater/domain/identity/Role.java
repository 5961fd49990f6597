package headwater.domain.identity;

/** What an account is allowed to do; checked on every route and every object. */
public enum Role {
    /** Everything, including accounts, keys and settings. */
    ADMIN,
    /** Read everything an admin reads, and end playback sessions; change nothing else. */
    SUPPORT,
    /** Only its own subscribers and its own credits. */
    RESELLER,
    /** Only its own portal data. */
    SUBSCRIBER
}
