package headwater.delivery;

import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One viewer of a channel's continuous MPEG-TS stream over a chunked HTTP response.
 *
 * <p>The feed calls {@link #onPackets} on its own thread; the packets are queued without copying and flushed to the
 * connection on the viewer's event loop. When the connection's write queue is full the viewer pauses writing and
 * keeps queueing, up to {@link DeliveryOptions#streamBacklogBytes()}; past that it is dropped: the subscription is
 * cancelled, the connection closed and a line logged. A live channel never waits for one viewer.
 *
 * <p>The session is asked at every chunk whether it has ended ({@link Viewer#ended()}, e.g. an operator ended it or
 * the subscriber's limit gave the slot to a newer device); then the stream ends at once, unsent packets dropped.
 * Bytes written to the connection are counted to the session ({@link Viewer#served}).
 */
final class TsViewer implements TsListener {

    private static final Logger LOG = LoggerFactory.getLogger(TsViewer.class);

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final Context context;
    private final String channel;
    private final long backlogLimit;
    private final Runnable logOnce;
    private final Counters counters;
    private final Viewer viewer;

    private final Queue<Buffer> pending = new ConcurrentLinkedQueue<>();
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean ended;
    private volatile TsSubscription subscription;

    private TsViewer(HttpServerRequest request, String channel, Viewer viewer, DeliveryOptions options,
                     Counters counters, Runnable logOnce) {
        this.request = request;
        this.viewer = viewer;
        this.counters = counters;
        this.response = request.response();
        this.context = Vertx.currentContext();
        this.channel = channel;
        this.backlogLimit = options.streamBacklogBytes();
        this.logOnce = logOnce;
    }

    /** Sends the headers and subscribes the viewer to {@code feed}; for HEAD, only the headers. */
    static void start(HttpServerRequest request, String channel, TsFeed feed, Viewer viewer,
                      DeliveryOptions options, Counters counters, Runnable logOnce) {
        HttpServerResponse response = request.response();
        response.putHeader(HttpHeaders.CONTENT_TYPE, MediaHeaders.TS_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, MediaHeaders.NO_STORE)
                .setStatusCode(200)
                .setChunked(true);
        viewer.served(0);
        if (request.method() == HttpMethod.HEAD) {
            response.end();
            return;
        }
        TsViewer tsViewer = new TsViewer(request, channel, viewer, options, counters, logOnce);
        counters.streamViewers.incrementAndGet();
        response.setWriteQueueMaxSize(options.streamWriteQueueBytes())
                .drainHandler(v -> tsViewer.flush())
                .exceptionHandler(tsViewer::connectionFailed)
                .closeHandler(v -> tsViewer.disconnected());
        response.writeHead();
        TsSubscription subscription;
        try {
            subscription = feed.subscribe(tsViewer);
        } catch (RuntimeException e) {
            if (tsViewer.finished.compareAndSet(false, true)) {
                counters.streamViewers.decrementAndGet();
            }
            throw e;
        }
        tsViewer.subscription = subscription;
        if (tsViewer.finished.get()) {
            subscription.cancel(); // dropped or disconnected while subscribing
        }
    }

    @Override
    public void onPackets(ByteBuffer packets) {
        if (finished.get() || ended) {
            return;
        }
        if (viewer.ended()) {
            sessionEnded();
            return;
        }
        int length = packets.remaining();
        if (length == 0) {
            return;
        }
        long behind = pendingBytes.addAndGet(length);
        if (behind > backlogLimit) {
            drop(behind);
            return;
        }
        // Zero-copy: the feed promises never to reuse this memory, so every viewer can wrap the same bytes.
        pending.add(BufferInternal.buffer(Unpooled.wrappedBuffer(packets)));
        scheduleFlush();
    }

    @Override
    public void onEnd(String reason) {
        LOG.info("stream of channel {} ended for {}: {}", channel, request.remoteAddress(), reason);
        ended = true;
        scheduleFlush();
    }

    private void scheduleFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> flush());
        }
    }

    /** On the event loop: write what is queued until the connection's write queue is full. */
    private void flush() {
        flushScheduled.set(false);
        if (finished.get()) {
            pending.clear();
            return;
        }
        long written = 0;
        while (!response.writeQueueFull()) {
            Buffer next = pending.poll();
            if (next == null) {
                break;
            }
            pendingBytes.addAndGet(-next.length());
            response.write(next);
            written += next.length();
        }
        if (written > 0) {
            viewer.served(written);
        }
        // Otherwise paused: the drain handler calls flush() again once the connection has taken enough.
        if (ended && pending.isEmpty() && finished.compareAndSet(false, true)) {
            counters.streamViewers.decrementAndGet();
            response.end();
        }
    }

    /** On the feed's thread: this viewer is too far behind to ever catch up with a live channel. */
    private void drop(long behind) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        counters.streamViewers.decrementAndGet();
        counters.droppedViewers.increment();
        cancelSubscription();
        pending.clear();
        context.runOnContext(v -> {
            LOG.warn("dropping slow viewer {} of channel {}: {} bytes behind, limit {}", request.remoteAddress(),
                    channel, behind, backlogLimit);
            request.connection().close();
        });
    }

    /** On the feed's thread: the session ended since the viewer was admitted; its stream ends now. */
    private void sessionEnded() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        counters.streamViewers.decrementAndGet();
        cancelSubscription();
        pending.clear();
        context.runOnContext(v -> {
            LOG.info("session of viewer {} of channel {} ended: closing its stream", request.remoteAddress(),
                    channel);
            if (!response.closed() && !response.ended()) {
                response.end();
            }
        });
    }

    private void disconnected() {
        if (finished.compareAndSet(false, true)) {
            counters.streamViewers.decrementAndGet();
            LOG.debug("viewer {} of channel {} disconnected", request.remoteAddress(), channel);
        }
        cancelSubscription();
        pending.clear();
        logOnce.run();
    }

    private void connectionFailed(Throwable cause) {
        LOG.debug("viewer {} of channel {} failed: {}", request.remoteAddress(), channel, cause.toString());
        disconnected();
        request.connection().close();
    }

    private void cancelSubscription() {
        TsSubscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
