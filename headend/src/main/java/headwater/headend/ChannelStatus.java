package headwater.headend;

/** Where a channel's runtime stands. */
public enum ChannelStatus {
    /** Started, no keyframe from any source yet. */
    STARTING,
    /** Packaging a real source. */
    LIVE,
    /** Its source failed; looking for, or waiting on, the next healthy one. */
    FAILING_OVER,
    /** Every source is dead; the slate plays while they are retried. */
    SLATE,
    /** Closed. */
    STOPPED
}
