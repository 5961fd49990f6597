package headwater.headend.source;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every source shares: the byte count, an idempotent {@link #close()} that wakes a blocked reader, the "closed
 * means -1" rule and the message prefix ("source 'udp://…' of channel news").
 */
abstract class MeteredSource implements Source {

    protected final URI uri;
    protected final SourceContext context;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closedSignal = new CountDownLatch(1);
    private volatile long bytesRead;

    MeteredSource(URI uri, SourceContext context) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public final URI uri() {
        return uri;
    }

    @Override
    public final int read(byte[] buf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (len == 0) {
            return 0;
        }
        if (isClosed()) {
            return -1;
        }
        int n;
        try {
            n = readSome(buf, off, len);
        } catch (IOException | RuntimeException e) {
            if (isClosed()) {
                return -1;
            }
            throw e;
        }
        if (n > 0) {
            bytesRead += n; // one reader thread writes, any thread reads
        }
        return isClosed() && n <= 0 ? -1 : n;
    }

    /** Reads at least one byte, blocking; -1 at the end. Exceptions after {@link #close()} are turned into -1. */
    protected abstract int readSome(byte[] buf, int off, int len) throws IOException;

    /** Releases resources so that a blocked {@link #readSome} returns or throws. Called once. */
    protected abstract void release();

    @Override
    public final long bytesRead() {
        return bytesRead;
    }

    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            closedSignal.countDown();
            release();
        }
    }

    protected final boolean isClosed() {
        return closed.get();
    }

    /** Sleeps for {@code nanos} unless the source is closed first; returns false when it was closed. */
    protected final boolean sleepUnlessClosed(long nanos) throws IOException {
        if (nanos <= 0) {
            return !isClosed();
        }
        try {
            return !closedSignal.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(describe() + " was interrupted");
        }
    }

    /** "source 'udp://…' of channel news", the prefix of every message. */
    protected final String describe() {
        return describe(uri, context);
    }

    static String describe(URI uri, SourceContext context) {
        return "source '" + new MaskedUri(uri) + "' of channel " + context.channel();
    }

    @Override
    public String toString() {
        return describe();
    }
}
