package headwater.headend;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One viewer's place in a channel's live MPEG-TS stream: it first replays what was already written of the current
 * segment (from its file), then the live chunks queued since, without gap or duplicate. A viewer that falls more than
 * the buffer bound behind is dropped with a reason. Closing it unsubscribes.
 */
public final class LiveTsSubscription implements AutoCloseable {
    private static final int CATCH_UP_CHUNK = 64 * 1024;

    private final String channel;
    private final LiveTsListener listener;
    private final long maxBufferedBytes;
    private final Consumer<LiveTsSubscription> onEnd;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final AtomicReference<String> endReason = new AtomicReference<>();
    private long queuedBytes;
    private volatile long deliveredBytes;
    private FileChannel catchUp;
    private final long catchUpBytes;

    LiveTsSubscription(String channel, LiveTsListener listener, long maxBufferedBytes, FileChannel catchUp,
            long catchUpBytes, Consumer<LiveTsSubscription> onEnd) {
        this.channel = channel;
        this.listener = listener;
        this.maxBufferedBytes = maxBufferedBytes;
        this.catchUp = catchUp;
        this.catchUpBytes = catchUp == null ? 0 : catchUpBytes;
        this.onEnd = onEnd;
    }

    void start() {
        Thread.ofVirtual().name("ts-viewer-" + channel).start(this::deliver);
    }

    /** Queues a live chunk (never modified afterwards); drops the viewer when the queue would exceed its bound. */
    void offer(byte[] chunk) {
        boolean overflow;
        lock.lock();
        try {
            if (endReason.get() != null) {
                return;
            }
            overflow = queuedBytes + chunk.length > maxBufferedBytes;
            if (!overflow) {
                queue.addLast(chunk);
                queuedBytes += chunk.length;
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
        if (overflow) {
            // the channel's thread is publishing: tell the listener from another thread, it may block closing its socket
            end("viewer of channel " + channel + " too slow: more than " + maxBufferedBytes + " bytes behind", true);
        }
    }

    public boolean active() {
        return endReason.get() == null;
    }

    /** Why the stream ended for this viewer, empty while it is active. */
    public Optional<String> endReason() {
        return Optional.ofNullable(endReason.get());
    }

    public long deliveredBytes() {
        return deliveredBytes;
    }

    /** Unsubscribes; the listener's {@link LiveTsListener#onEnd} is called with "unsubscribed" unless already ended. */
    @Override
    public void close() {
        end("unsubscribed");
    }

    void end(String reason) {
        end(reason, false);
    }

    private void end(String reason, boolean notifyAsync) {
        if (!endReason.compareAndSet(null, reason)) {
            return;
        }
        lock.lock();
        try {
            queue.clear();
            queuedBytes = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        onEnd.accept(this);
        if (notifyAsync) {
            Thread.ofVirtual().name("ts-viewer-end-" + channel).start(() -> notifyEnd(reason));
        } else {
            notifyEnd(reason);
        }
    }

    private void notifyEnd(String reason) {
        try {
            listener.onEnd(reason);
        } catch (RuntimeException e) {
            // a listener's failure must not reach the channel's thread
        }
    }

    private void deliver() {
        try {
            replayCatchUp();
            while (true) {
                byte[] chunk;
                lock.lock();
                try {
                    while (queue.isEmpty() && endReason.get() == null) {
                        changed.await();
                    }
                    if (endReason.get() != null) {
                        return;
                    }
                    chunk = queue.removeFirst();
                    queuedBytes -= chunk.length;
                } finally {
                    lock.unlock();
                }
                listener.onData(chunk, 0, chunk.length);
                deliveredBytes += chunk.length;
            }
        } catch (InterruptedException e) {
            end("viewer of channel " + channel + " interrupted");
        } catch (Exception e) {
            end("viewer of channel " + channel + " failed: " + e);
        } finally {
            closeCatchUp();
        }
    }

    private void replayCatchUp() throws Exception {
        FileChannel file = catchUp;
        if (file == null) {
            return;
        }
        byte[] buf = new byte[(int) Math.min(CATCH_UP_CHUNK, Math.max(catchUpBytes, 1))];
        long position = 0;
        while (position < catchUpBytes && endReason.get() == null) {
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, (int) Math.min(buf.length, catchUpBytes - position));
            int n = file.read(bb, position);
            if (n < 0) {
                throw new IOException("segment file of channel " + channel + " ended at " + position + " of "
                        + catchUpBytes + " bytes while a viewer caught up");
            }
            listener.onData(buf, 0, n);
            position += n;
            deliveredBytes += n;
        }
        closeCatchUp();
    }

    private void closeCatchUp() {
        FileChannel file = catchUp;
        catchUp = null;
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // read-only handle
            }
        }
    }
}
