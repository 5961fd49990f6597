package headwater.delivery;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final PlaybackGate gate;
    private final Supplier<String> metrics;
    private final Counters counters = new Counters();
    private Mount mount;
    private Vertx vertx;
    private int boundPort = -1;

    /**
     * @param options how to listen, and which proxies to believe about the client's address
     * @param catalog the live channels
     * @param gate    asked first for every media request (see {@link MediaPath} for where the token is); nothing is
     *                served without its {@link GateDecision.Pass}
     * @param metrics the Prometheus text exposition for {@code /metrics}; called on a worker thread
     */
    public DeliveryServer(DeliveryOptions options, LiveCatalog catalog, PlaybackGate gate, Supplier<String> metrics) {
        this.options = Objects.requireNonNull(options, "options");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Hands every request whose raw path starts with the mount's prefix to the mount's handler instead of the media
     * routes, e.g. an admin API under {@code /api/}. Call before {@link #start}; one mount per server.
     *
     * @throws IllegalStateException when started already or a mount is set
     */
    public synchronized DeliveryServer mount(Mount newMount) {
        Objects.requireNonNull(newMount, "mount");
        if (vertx != null) {
            throw new IllegalStateException("mount " + newMount.pathPrefix() + " before the delivery server starts");
        }
        if (mount != null) {
            throw new IllegalStateException("the delivery server already mounts " + mount.pathPrefix());
        }
        mount = newMount;
        return this;
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
            MountedHandler mounted = mount == null ? null : new MountedHandler(mount, mount.handlerFactory().apply(vertx));
            boundPort = effective.port() == 0 && effective.eventLoops() > 1 ? deployOnFreePort(effective, mounted)
                    : deploy(effective, mounted);
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

    /** Counters since construction, safe to read from any thread (e.g. a Micrometer gauge). */
    public DeliveryStats stats() {
        return counters.snapshot();
    }

    /**
     * Whether the server runs on Netty's native epoll transport (Linux), which lets segment sends cork
     * ({@link Cork}); false on NIO or when not started.
     */
    public synchronized boolean nativeTransport() {
        return vertx != null && vertx.isNativeTransportEnabled();
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

    /**
     * Vert.x shares a listening socket between instances by the requested port, so instances asked for port 0 would
     * each bind a different ephemeral port. Ask the kernel for a free port first and share that one; another process
     * may take it in between, hence a few attempts.
     */
    private int deployOnFreePort(DeliveryOptions effective, MountedHandler mounted) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int free;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(effective.host()))) {
                free = probe.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free port on " + effective.host(), e);
            }
            try {
                return deploy(effective.withPort(free), mounted);
            } catch (RuntimeException e) {
                last = e;
                vertx.deploymentIDs().forEach(id -> await(vertx.undeploy(id), "undeploy"));
            }
        }
        throw last;
    }

    /**
     * Deploys one server instance per event loop. Vert.x shares one listening socket between them and spreads
     * accepted connections over their event loops.
     */
    private int deploy(DeliveryOptions effective, MountedHandler mounted) {
        Set<Integer> ports = ConcurrentHashMap.newKeySet();
        await(vertx.deployVerticle(() -> new ServerVerticle(effective, ports, mounted),
                new DeploymentOptions().setInstances(effective.eventLoops())), "listen");
        if (ports.size() != 1) {
            throw new IllegalStateException("server instances bound different ports " + ports);
        }
        return ports.iterator().next();
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
        private final Set<Integer> ports;
        private final MountedHandler mounted;
        private DeliveryHandler handler;

        ServerVerticle(DeliveryOptions effective, Set<Integer> ports, MountedHandler mounted) {
            this.effective = effective;
            this.ports = ports;
            this.mounted = mounted;
        }

        @Override
        public Future<?> start() {
            handler = new DeliveryHandler(vertx, catalog, gate, metrics, effective, counters, mounted);
            HttpServer server = vertx.createHttpServer(serverOptions(effective))
                    .connectionHandler(connection -> {
                        counters.connections.incrementAndGet();
                        connection.closeHandler(v -> counters.connections.decrementAndGet());
                    })
                    .requestHandler(handler);
            return server.listen().onSuccess(bound -> ports.add(bound.actualPort()));
        }

        @Override
        public Future<?> stop() {
            if (handler != null) {
                handler.close();
            }
            return Future.succeededFuture();
        }
    }
}
