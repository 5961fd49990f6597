package headwater.domain.session;

/**
 * Why a session was not opened (or not resumed). Logged and counted per reason; the client sees one generic 403
 * (or 503 with Retry-After for {@link #CAPACITY}).
 */
public enum Denial {
    /** No subscriber with that id or username. */
    SUBSCRIBER_UNKNOWN,
    /** The subscriber is disabled or banned. */
    SUBSCRIBER_INACTIVE,
    /** The subscriber's expiry has passed. */
    SUBSCRIBER_EXPIRED,
    /** No such channel, film or episode (or it is disabled). */
    TARGET_UNKNOWN,
    /** The channel, film or episode is in none of the subscriber's or their plan's packages. */
    NOT_IN_PACKAGES,
    /**
     * An archive window of a channel that keeps no catch-up, or that starts before the channel's archive days or in
     * the future.
     */
    OUTSIDE_ARCHIVE,
    /** The output format (HLS or TS) is not among the subscriber's allowed ones. */
    FORMAT_NOT_ALLOWED,
    /** The client's address is outside the subscriber's allowed networks. */
    NETWORK_NOT_ALLOWED,
    /** Every rendition of the channel is above the plan's best quality. */
    QUALITY_NOT_ALLOWED,
    /** The subscriber is at their concurrent-stream limit and the policy refuses new sessions. */
    CONNECTION_LIMIT,
    /** The node's egress capacity has no room for the rendition's bitrate: 503 with Retry-After. */
    CAPACITY
}
