package headwater.headend;

import java.nio.channels.FileChannel;
import java.util.concurrent.CopyOnWriteArrayList;

/** The viewers of one channel's live MPEG-TS stream; chunks are shared between them, never copied per viewer. */
final class LiveTsFanOut {
    private final String channel;
    private final long maxBufferedBytes;
    private final CopyOnWriteArrayList<LiveTsSubscription> viewers = new CopyOnWriteArrayList<>();

    LiveTsFanOut(String channel, long maxBufferedBytes) {
        this.channel = channel;
        this.maxBufferedBytes = maxBufferedBytes;
    }

    boolean hasViewers() {
        return !viewers.isEmpty();
    }

    int viewers() {
        return viewers.size();
    }

    /** A chunk of stream bytes that no one modifies afterwards. */
    void publish(byte[] chunk) {
        for (LiveTsSubscription v : viewers) {
            v.offer(chunk);
        }
    }

    /**
     * Adds a viewer that first replays {@code catchUpBytes} from {@code catchUp} (the current segment's file, or null)
     * and then every chunk published after this call.
     */
    LiveTsSubscription add(LiveTsListener listener, FileChannel catchUp, long catchUpBytes) {
        LiveTsSubscription s = new LiveTsSubscription(channel, listener, maxBufferedBytes, catchUp, catchUpBytes, viewers::remove);
        viewers.add(s);
        s.start();
        return s;
    }

    void closeAll(String reason) {
        for (LiveTsSubscription v : viewers) {
            v.end(reason);
        }
    }
}
