package headwater.headend.source;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A blocking reader over an HTTP response body publisher, with what {@code BodyHandlers.ofInputStream()} lacks: a
 * read timeout, and a {@link #close()} that wakes a reader blocked on another thread.
 *
 * <p>Memory stays bounded: one list of buffers is requested ahead of the one being read (the client hands out a few
 * 16 KiB buffers per list).
 */
final class BodyStream implements Flow.Subscriber<List<ByteBuffer>> {
    private static final Object END = new Object();
    private static final Object CLOSED = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Duration timeout;
    private final String source;
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;
    private Iterator<ByteBuffer> buffers = List.<ByteBuffer>of().iterator();
    private ByteBuffer current;
    private Object terminal;

    /** @param source the "source 'x' of channel y" prefix for messages */
    BodyStream(Flow.Publisher<List<ByteBuffer>> body, Duration timeout, String source) {
        this.timeout = timeout;
        this.source = source;
        body.subscribe(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (closed) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable t) {
        queue.add(t);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    /** Reads at least one byte; -1 at the end of the body or once closed. */
    int read(byte[] buf, int off, int len) throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (buffers.hasNext()) {
                current = buffers.next();
                continue;
            }
            if (terminal != null) {
                return end(terminal);
            }
            Object item;
            try {
                item = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(source + " was interrupted");
            }
            if (item == null) {
                throw new SocketTimeoutException(source + " sent nothing for " + timeout.toMillis() + " ms");
            }
            if (item instanceof List<?> list) {
                @SuppressWarnings("unchecked")
                List<ByteBuffer> next = (List<ByteBuffer>) list;
                buffers = next.iterator();
                Flow.Subscription s = subscription;
                if (s != null && !closed) {
                    s.request(1);
                }
            } else {
                terminal = item;
            }
        }
        int n = Math.min(len, current.remaining());
        current.get(buf, off, n);
        return n;
    }

    private int end(Object item) throws IOException {
        if (item instanceof Throwable t) {
            if (closed) {
                return -1;
            }
            throw new IOException(source + " failed while streaming: " + t.getMessage(), t);
        }
        return -1;
    }

    /** Cancels the body and wakes a blocked reader. Idempotent. */
    void close() {
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        queue.add(CLOSED);
    }
}
