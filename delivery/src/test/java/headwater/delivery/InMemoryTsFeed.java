package headwater.delivery;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A feed for tests: {@link #push} hands the same immutable buffer to every current subscriber on the caller's
 * thread, as the headend's packager thread will. New subscribers start at the next push (the tests push whole
 * "keyframe-started" chunks).
 */
final class InMemoryTsFeed implements TsFeed {

    private final List<TsListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger subscribed = new AtomicInteger();
    private final AtomicInteger cancelled = new AtomicInteger();

    @Override
    public TsSubscription subscribe(TsListener listener) {
        listeners.add(listener);
        subscribed.incrementAndGet();
        return () -> {
            if (listeners.remove(listener)) {
                cancelled.incrementAndGet();
            }
        };
    }

    /** Delivers {@code bytes} (the feed never touches the array again) to every subscriber, in order. */
    synchronized void push(byte[] bytes) {
        ByteBuffer shared = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        for (TsListener listener : listeners) {
            listener.onPackets(shared.duplicate());
        }
    }

    synchronized void end(String reason) {
        for (TsListener listener : listeners) {
            listener.onEnd(reason);
        }
        listeners.clear();
    }

    int subscribers() {
        return listeners.size();
    }

    int subscribedTotal() {
        return subscribed.get();
    }

    int cancelledTotal() {
        return cancelled.get();
    }
}
