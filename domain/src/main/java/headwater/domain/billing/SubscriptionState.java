package headwater.domain.billing;

/**
 * Where a subscription is in its life. Trial and active give access; past due still gives access until the grace
 * period ends; expired and cancelled do not.
 */
public enum SubscriptionState {
    TRIAL(true),
    ACTIVE(true),
    PAST_DUE(true),
    EXPIRED(false),
    CANCELLED(false);

    private final boolean entitled;

    SubscriptionState(boolean entitled) {
        this.entitled = entitled;
    }

    /** Whether a subscription in this state may start and keep playback sessions. */
    public boolean entitled() {
        return entitled;
    }
}
