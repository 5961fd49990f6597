package headwater.api.xtream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A chunked HTTP response as an {@link OutputStream} for a worker thread: bytes go out in {@value #CHUNK}-byte
 * chunks as they are written, so an export of 10,000 channels never sits whole in memory. When the client reads
 * slower than we write, the worker waits for the response to drain (backpressure); a client gone (the connection
 * closed) or one that reads nothing for {@link #STALL} fails the write with an {@link IOException}.
 */
final class ResponseStream extends OutputStream {

    static final int CHUNK = 64 * 1024;
    /** The longest a client may leave a full write queue unread. */
    static final Duration STALL = Duration.ofSeconds(60);
    private static final long POLL_MS = 500;

    private final HttpServerResponse response;
    private final byte[] buffer = new byte[CHUNK];
    private int used;
    private boolean closed;

    ResponseStream(HttpServerResponse response) {
        this.response = response;
    }

    @Override
    public void write(int b) throws IOException {
        if (used == buffer.length) {
            send();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (used == buffer.length) {
                send();
            }
            int n = Math.min(length, buffer.length - used);
            System.arraycopy(bytes, offset, buffer, used, n);
            used += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        send();
    }

    /** Sends what is buffered and ends the response. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        send();
        if (!response.closed() && !response.ended()) {
            response.end();
        }
    }

    private void send() throws IOException {
        if (used == 0) {
            return;
        }
        if (response.closed()) {
            throw new IOException("the client closed the connection");
        }
        byte[] chunk = new byte[used];
        System.arraycopy(buffer, 0, chunk, 0, used);
        used = 0;
        response.write(Buffer.buffer(chunk));
        awaitDrain();
    }

    private void awaitDrain() throws IOException {
        if (!response.writeQueueFull()) {
            return;
        }
        CompletableFuture<Void> drained = new CompletableFuture<>();
        response.drainHandler(v -> drained.complete(null));
        long waited = 0;
        while (response.writeQueueFull()) {
            if (response.closed()) {
                throw new IOException("the client closed the connection");
            }
            if (waited >= STALL.toMillis()) {
                throw new IOException("the client read nothing for " + STALL.toSeconds() + " s");
            }
            try {
                drained.get(POLL_MS, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                waited += POLL_MS;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the client read");
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }
    }
}
