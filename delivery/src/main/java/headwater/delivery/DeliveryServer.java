package headwater.delivery;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server that hands live channels to viewers: HLS playlists and segments, the continuous MPEG-TS stream,
 * {@code /healthz} and {@code /metrics}. See {@link MediaPath} for the URL layout.
 *
 * <p>It owns its Vert.x instance. One server instance runs per event loop, all sharing the bound port, so every core
 * accepts and serves connections. {@link #start} and {@link #close} block the calling thread; call them from the
 * application's main thread, never from an event loop.
 */
public final class DeliveryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryServer.class);
    private static final long START_STOP_SECONDS = 30;

    private final DeliveryOptions options;
    private final LiveCatalog catalog;
    private final Supplier<String> metrics;
    private Vertx vertx;
    private int boundPort = -1;

    /**
     * @param options how to listen
     * @param catalog the live channels
     * @param metrics the Prometheus text exposition for {@code /metrics}; called on a worker thread
     */
    public DeliveryServer(DeliveryOptions options, LiveCatalog catalog, Supplier<String> metrics) {
        this.options = Objects.requireNonNull(options, "options");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Starts on the host and port of the options. */
    public int start() {
        return start(options.host(), options.port());
    }

    /**
     * Binds and starts serving.
     *
     * @param host address to bind, e.g. {@code 127.0.0.1}
     * @param port TCP port, or 0 for an ephemeral one
     * @return the bound port
     * @throws IllegalStateException when already started or when the port cannot be bound
     */
    public synchronized int start(String host, int port) {
        if (vertx != null) {
            throw new IllegalStateException("delivery server already started on port " + boundPort);
        }
        DeliveryOptions effective = options.withHost(host).withPort(port);
        vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(effective.eventLoops())
                .setPreferNativeTransport(effective.preferNativeTransport()));
        try {
            // The first instance binds (perhaps an ephemeral port); the others share exactly that port.
            boundPort = deploy(effective);
            for (int i = 1; i < effective.eventLoops(); i++) {
                deploy(effective.withPort(boundPort));
            }
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("delivery server cannot listen on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
        LOG.info("delivery listening on http://{}:{}/ with {} event loops ({} transport)", host, boundPort,
                effective.eventLoops(), vertx.isNativeTransportEnabled() ? "native" : "NIO");
        return boundPort;
    }

    /** The bound port, or -1 before {@link #start}. */
    public synchronized int port() {
        return boundPort;
    }

    /** Stops listening, drops open connections and releases the event loops. Idempotent. */
    @Override
    public synchronized void close() {
        if (vertx == null) {
            return;
        }
        Vertx closing = vertx;
        vertx = null;
        boundPort = -1;
        await(closing.close(), "close");
    }

    private int deploy(DeliveryOptions effective) {
        ServerVerticle verticle = new ServerVerticle(effective);
        await(vertx.deployVerticle(verticle), "listen");
        return verticle.port;
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not finish within " + START_STOP_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    static HttpServerOptions serverOptions(DeliveryOptions options) {
        return new HttpServerOptions()
                .setHost(options.host())
                .setPort(options.port())
                .setIdleTimeout((int) options.idleTimeout().toSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxInitialLineLength(options.maxInitialLineLength())
                .setMaxHeaderSize(options.maxHeaderSize())
                .setTcpNoDelay(true)
                .setCompressionSupported(false)      // TS and segments don't compress; playlists are tiny
                .setDecompressionSupported(false)
                .setHandle100ContinueAutomatically(false)
                .setHttp2ClearTextEnabled(false);   // HTTP/1.1 keeps sendfile zero-copy; h2 comes with TLS
    }

    /** One server instance on one event loop. */
    private final class ServerVerticle extends VerticleBase {
        private final DeliveryOptions effective;
        private volatile int port;

        ServerVerticle(DeliveryOptions effective) {
            this.effective = effective;
        }

        @Override
        public Future<?> start() {
            HttpServer server = vertx.createHttpServer(serverOptions(effective))
                    .requestHandler(new DeliveryHandler(vertx, catalog, metrics, effective));
            return server.listen().onSuccess(bound -> port = bound.actualPort());
        }
    }
}
