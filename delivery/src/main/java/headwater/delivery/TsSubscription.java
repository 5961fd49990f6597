package headwater.delivery;

/** A listener's registration with a {@link TsFeed}. */
@FunctionalInterface
public interface TsSubscription {

    /**
     * Stops delivery to the listener. Idempotent, callable from any thread, including from inside
     * {@link TsListener#onPackets}; at most the call already in progress completes after it.
     */
    void cancel();
}
