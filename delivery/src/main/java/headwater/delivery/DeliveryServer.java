package headwater.delivery;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server that hands media to viewers: live channels (HLS playlists and segments, the continuous MPEG-TS
 * stream), archive windows ({@link #archive}), films and episodes ({@link #vod}), {@code /healthz} and
 * {@code /metrics}; other applications' handlers by path prefix ({@link #mount}) and for every unclaimed path
 * ({@link #fallback}). See {@link MediaPath} for the URL layout.
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
    private final List<Mount> mounts = new ArrayList<>();
    private Function<Vertx, Handler<HttpServerRequest>> fallback;
    private ArchiveCatalog archive = ArchiveCatalog.NONE;
    private VodCatalog vod = VodCatalog.NONE;
    private Clock clock = Clock.systemUTC();
    private Duration upstreamConnectTimeout = Duration.ofSeconds(10);
    private Duration upstreamIdleTimeout = Duration.ofSeconds(30);
    private HttpsSettings https;
    private PlainHttpPort plainHttp;
    private final List<HttpServer> httpsServers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Vertx vertx;
    private int boundPort = -1;
    private int boundPlainPort = -1;

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
     * routes, e.g. an admin API under {@code /api/}. Call before {@link #start}; several mounts may be set, but no
     * prefix may cover another's.
     *
     * @throws IllegalStateException when started already, or when the prefix overlaps a mount's
     */
    public synchronized DeliveryServer mount(Mount newMount) {
        Objects.requireNonNull(newMount, "mount");
        beforeStart("mount " + newMount.pathPrefix());
        for (Mount existing : mounts) {
            if (existing.overlaps(newMount)) {
                throw new IllegalStateException("the delivery server already mounts " + existing.pathPrefix()
                        + (existing.pathPrefix().equals(newMount.pathPrefix()) ? ""
                                : ", which overlaps " + newMount.pathPrefix()));
            }
        }
        mounts.add(newMount);
        return this;
    }

    /**
     * Hands every request that neither a mount nor a route claims (what would be a 404) to the handler the factory
     * builds, e.g. the Xtream Codes API's router for {@code /player_api.php} and {@code /live/{u}/{p}/{id}.ts}. The
     * factory is called once per start with the server's own {@link Vertx}; the handler runs on the event loop and
     * answers the 404s itself. Call before {@link #start}, at most once.
     *
     * @throws IllegalStateException when started already or a fallback is set
     */
    public synchronized DeliveryServer fallback(Function<Vertx, Handler<HttpServerRequest>> handlerFactory) {
        Objects.requireNonNull(handlerFactory, "handlerFactory");
        beforeStart("set the fallback");
        if (fallback != null) {
            throw new IllegalStateException("the delivery server already has a fallback handler");
        }
        fallback = handlerFactory;
        return this;
    }

    /**
     * The channels' catch-up archives, served under {@code /s/{token}/archive/...} (see {@link MediaPath}); none
     * until set. Call before {@link #start}.
     */
    public synchronized DeliveryServer archive(ArchiveCatalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
        beforeStart("set the archive catalog");
        archive = catalog;
        return this;
    }

    /**
     * The films and episodes, served under {@code /s/{token}/movie/...} and {@code /s/{token}/episode/...}; none until
     * set. Call before {@link #start}.
     */
    public synchronized DeliveryServer vod(VodCatalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
        beforeStart("set the VOD catalog");
        vod = catalog;
        return this;
    }

    /**
     * How long proxying a remote VOD file ({@link VodFile.Remote}) may wait for the upstream to connect (default
     * 10 s) and to send anything (default 30 s); past either, 504 (or the connection is closed mid-body). Call
     * before {@link #start}.
     */
    public synchronized DeliveryServer upstreamTimeouts(Duration connect, Duration idle) {
        if (connect.isNegative() || connect.isZero() || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("upstream timeouts must be positive: connect " + connect + ", idle "
                    + idle);
        }
        beforeStart("set the upstream timeouts");
        upstreamConnectTimeout = connect;
        upstreamIdleTimeout = idle;
        return this;
    }

    /**
     * Serves HTTPS instead of plain HTTP on the server's port (see {@link HttpsSettings}); plain HTTP until set.
     * Call before {@link #start}.
     */
    public synchronized DeliveryServer https(HttpsSettings settings) {
        Objects.requireNonNull(settings, "settings");
        beforeStart("set HTTPS");
        TlsPolicy.keyCert(settings.certificate());
        https = settings;
        return this;
    }

    /**
     * Also listens for plain HTTP on another port, for media only (see {@link PlainHttpPort}); only with
     * {@link #https}. Call before {@link #start}.
     */
    public synchronized DeliveryServer plainHttp(PlainHttpPort port) {
        Objects.requireNonNull(port, "port");
        beforeStart("set the plain HTTP port");
        plainHttp = port;
        return this;
    }

    /**
     * Presents {@code certificate} to every new TLS connection from now on, without a restart; connections already
     * open keep the one they negotiated. Blocks until every listener has it.
     *
     * @throws IllegalStateException when not started with {@link #https}
     * @throws IllegalArgumentException when the key and chain cannot be used for TLS
     */
    public synchronized void updateCertificate(ServerCertificate certificate) {
        if (vertx == null || https == null) {
            throw new IllegalStateException("the delivery server does not serve HTTPS");
        }
        for (HttpServer server : httpsServers) {
            await(server.updateSSLOptions(TlsPolicy.sslOptions(certificate), true), "update the certificate");
        }
        LOG.info("delivery now presents {}", certificate);
    }

    /** The clock that decides whether an archive window is over (tests). Call before {@link #start}. */
    synchronized DeliveryServer clock(Clock newClock) {
        beforeStart("set the clock");
        clock = Objects.requireNonNull(newClock, "clock");
        return this;
    }

    private void beforeStart(String what) {
        if (vertx != null) {
            throw new IllegalStateException(what + " before the delivery server starts");
        }
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
        if (plainHttp != null && https == null) {
            throw new IllegalStateException("a plain HTTP port for media is only for a server that serves HTTPS");
        }
        DeliveryOptions effective = options.withHost(host).withPort(port);
        vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(effective.eventLoops())
                .setPreferNativeTransport(effective.preferNativeTransport()));
        try {
            MountedHandler[] mounted = new MountedHandler[mounts.size()];
            for (int i = 0; i < mounted.length; i++) {
                mounted[i] = new MountedHandler(mounts.get(i), mounts.get(i).handlerFactory().apply(vertx));
            }
            Handoffs handoffs = new Handoffs(mounted, fallback == null ? null : fallback.apply(vertx));
            MediaSources sources = new MediaSources(archive, vod, clock,
                    new RemoteFile(vertx, upstreamConnectTimeout, upstreamIdleTimeout));
            boundPort = effective.port() == 0 && effective.eventLoops() > 1
                    ? deployOnFreePort(effective, handoffs, sources) : deploy(effective, handoffs, sources);
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("delivery server cannot listen on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
        LOG.info("delivery listening on {}://{}:{}/ with {} event loops ({} transport){}", scheme(), host, boundPort,
                effective.eventLoops(), vertx.isNativeTransportEnabled() ? "native" : "NIO",
                plainHttp == null ? "" : ", and for media only on http://" + host + ":" + boundPlainPort + "/");
        return boundPort;
    }

    /** The bound port, or -1 before {@link #start}. */
    public synchronized int port() {
        return boundPort;
    }

    /** The bound plain-HTTP media port, or -1 before {@link #start} or without one. */
    public synchronized int plainPort() {
        return boundPlainPort;
    }

    /** {@code https} when started with {@link #https}, else {@code http}. */
    public synchronized String scheme() {
        return https == null ? "http" : "https";
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
        boundPlainPort = -1;
        httpsServers.clear();
        await(closing.close(), "close");
    }

    /**
     * Vert.x shares a listening socket between instances by the requested port, so instances asked for port 0 would
     * each bind a different ephemeral port. Ask the kernel for a free port first and share that one; another process
     * may take it in between, hence a few attempts.
     */
    private int deployOnFreePort(DeliveryOptions effective, Handoffs handoffs, MediaSources sources) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int free = freePort(effective.host());
            try {
                return deploy(effective.withPort(free), handoffs, sources);
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
    private int deploy(DeliveryOptions effective, Handoffs handoffs, MediaSources sources) {
        Set<Integer> ports = ConcurrentHashMap.newKeySet();
        Set<Integer> plainPorts = ConcurrentHashMap.newKeySet();
        int plainPort = plainHttp == null ? -1 : plainHttp.port() == 0 ? freePort(effective.host()) : plainHttp.port();
        httpsServers.clear();
        await(vertx.deployVerticle(() -> new ServerVerticle(effective, ports, handoffs, sources, plainPort,
                plainPorts), new DeploymentOptions().setInstances(effective.eventLoops())), "listen");
        if (ports.size() != 1 || plainPorts.size() > 1) {
            throw new IllegalStateException("server instances bound different ports " + ports + " " + plainPorts);
        }
        boundPlainPort = plainPorts.isEmpty() ? -1 : plainPorts.iterator().next();
        return ports.iterator().next();
    }

    private static int freePort(String host) {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + host, e);
        }
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
                // no WebSocket is served: without these the pipeline holds an extension handler every request crosses
                .setPerFrameWebSocketCompressionSupported(false)
                .setPerMessageWebSocketCompressionSupported(false)
                .setHttp2ClearTextEnabled(false);   // HTTP/1.1 keeps sendfile zero-copy; h2 comes with TLS
    }

    /** One server instance on one event loop. */
    private final class ServerVerticle extends VerticleBase {
        private final DeliveryOptions effective;
        private final Set<Integer> ports;
        private final Handoffs handoffs;
        private final MediaSources sources;
        private final int plainPort;
        private final Set<Integer> plainPorts;
        private DeliveryHandler handler;

        ServerVerticle(DeliveryOptions effective, Set<Integer> ports, Handoffs handoffs, MediaSources sources,
                       int plainPort, Set<Integer> plainPorts) {
            this.effective = effective;
            this.ports = ports;
            this.handoffs = handoffs;
            this.sources = sources;
            this.plainPort = plainPort;
            this.plainPorts = plainPorts;
        }

        @Override
        public Future<?> start() {
            handler = new DeliveryHandler(vertx, catalog, gate, metrics, effective, counters, handoffs, sources);
            if (https == null) {
                return listen(serverOptions(effective), handler, ports);
            }
            HttpServerOptions secure = TlsPolicy.secure(serverOptions(effective), https.certificate());
            Future<HttpServer> listening = listen(secure,
                    new StrictTransport(handler, https.strictTransportSecurity()), ports)
                    .onSuccess(httpsServers::add);
            if (plainPort < 0) {
                return listening;
            }
            return listening.compose(secureServer -> listen(serverOptions(effective.withPort(plainPort)),
                    new PlainHttpGate(handler, handoffs, plainHttp.fallback()), plainPorts));
        }

        private Future<HttpServer> listen(HttpServerOptions serverOptions, Handler<HttpServerRequest> requests,
                                          Set<Integer> bound) {
            return vertx.createHttpServer(serverOptions)
                    .connectionHandler(connection -> {
                        counters.connections.incrementAndGet();
                        connection.closeHandler(v -> counters.connections.decrementAndGet());
                    })
                    .requestHandler(requests)
                    .listen().onSuccess(server -> bound.add(server.actualPort()));
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
