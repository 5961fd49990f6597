package headwater.delivery;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.SocketAddressImpl;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches every request of one event loop: the mounts first, then parse the path once ({@link MediaPath}), check
 * the method, ask the {@link PlaybackGate}, and only then answer from the {@link LiveCatalog} for the channel the
 * viewer's session serves (or from the archive or the VOD catalogue, on a worker thread); what no route claims goes
 * to the fallback. Runs on the event loop; nothing here blocks.
 */
final class DeliveryHandler implements Handler<HttpServerRequest>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryHandler.class);
    private static final Buffer OK = Buffer.buffer("ok\n");
    /** The one body of every refusal, whatever the reason: no oracle for token guessing. */
    private static final Buffer FORBIDDEN = Buffer.buffer("forbidden\n");
    private static final Buffer BUSY = Buffer.buffer("no capacity, retry later\n");
    private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    /** A gate that answers Later with Later again is broken; stop following it after a few hops. */
    private static final int MAX_LATER = 4;
    /** How long a cached open segment file is used before it is opened again. */
    private static final long SEGMENT_FILE_VALIDITY_NANOS = 10_000_000_000L;

    private final Vertx vertx;
    private final LiveCatalog catalog;
    private final PlaybackGate gate;
    private final Supplier<String> metrics;
    private final SegmentResponder segments;
    private final OpenSegments files;
    private final PlaylistBuffers playlists = new PlaylistBuffers();
    private final DeliveryOptions options;
    private final Counters counters;
    private final Handoffs handoffs;
    private final ArchiveResponder archives;
    private final VodResponder vods;
    private final long sweepTimer;

    /** Call on the event loop that will run it: the open-file cache and its sweep timer belong to that loop. */
    DeliveryHandler(Vertx vertx, LiveCatalog catalog, PlaybackGate gate, Supplier<String> metrics,
                    DeliveryOptions options, Counters counters, Handoffs handoffs, MediaSources sources) {
        this.vertx = vertx;
        this.handoffs = handoffs;
        this.counters = counters;
        this.catalog = catalog;
        this.gate = gate;
        this.metrics = metrics;
        this.options = options;
        this.files = new OpenSegments(vertx, options.openSegmentFiles(), SEGMENT_FILE_VALIDITY_NANOS);
        this.segments = new SegmentResponder(files);
        this.archives = new ArchiveResponder(vertx, sources.archive(), sources.clock(), segments);
        this.vods = new VodResponder(vertx, sources.vod(), sources.remote());
        this.sweepTimer = vertx.setPeriodic(SEGMENT_FILE_VALIDITY_NANOS / 1_000_000,
                id -> files.sweep(System.nanoTime()));
    }

    @Override
    public void handle(HttpServerRequest request) {
        counters.requests.increment();
        Runnable logOnce = AccessLog.watch(request);
        try {
            if (handoffs.offer(request)) {
                return;
            }
            switch (MediaPath.parse(request.path())) {
                case Route.Media media -> media(request, media, logOnce);
                case Route.Refused ignored -> {
                    if (mediaMethod(request)) {
                        counters.malformedTokens.increment();
                        forbidden(request);
                    }
                }
                case Route.Health ignored -> health(request);
                case Route.Metrics ignored -> metrics(request);
                case Route.NotFound ignored -> {
                    if (!handoffs.fallback(request)) {
                        Replies.text(request, 404, "not found\n");
                    }
                }
                case Route.Malformed malformed -> {
                    cors(request.response());
                    Replies.text(request, 400, malformed.reason() + "\n");
                }
            }
        } catch (RuntimeException e) {
            failed(request, e);
        }
    }

    private static void failed(HttpServerRequest request, RuntimeException e) {
        Replies.failed(request, e);
    }

    /** CORS headers, the preflight (which needs no token) and 405: true when the request may go on. */
    private static boolean mediaMethod(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        cors(response);
        HttpMethod method = request.method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            return true;
        }
        if (method == HttpMethod.OPTIONS) {
            preflight(response);
            return false;
        }
        response.putHeader(HttpHeaders.ALLOW, MediaHeaders.MEDIA_METHODS);
        Replies.text(request, 405, "method " + method.name() + " not allowed\n");
        return false;
    }

    private void media(HttpServerRequest request, Route.Media route, Runnable logOnce) {
        if (!mediaMethod(request)) {
            return;
        }
        GateDecision decision = gate.check(route.token(), route.scope(), route.format(), client(request));
        decide(request, route, decision, logOnce, 0);
    }

    private void decide(HttpServerRequest request, Route.Media route, GateDecision decision, Runnable logOnce,
                        int hops) {
        switch (decision) {
            case GateDecision.Pass pass -> serve(request, route, pass.viewer(), logOnce);
            case GateDecision.Refuse ignored -> forbidden(request);
            case GateDecision.Busy busy -> {
                request.response().putHeader(MediaHeaders.RETRY_AFTER,
                        Integer.toString(Math.max(1, busy.retryAfterSeconds())));
                Replies.text(request, 503, BUSY);
            }
            case GateDecision.Later later -> later(request, route, later, logOnce, hops);
        }
    }

    /** Waits for the gate's answer off the event loop, then goes on on the request's own context. */
    private void later(HttpServerRequest request, Route.Media route, GateDecision.Later later, Runnable logOnce,
                       int hops) {
        if (hops >= MAX_LATER) {
            throw new IllegalStateException("playback gate answered Later " + (hops + 1) + " times in a row");
        }
        Context context = vertx.getOrCreateContext();
        later.decision().whenComplete((next, failure) -> context.runOnContext(v -> {
            if (request.response().closed() || request.response().ended()) {
                return; // the client went away while the gate was busy: nothing to answer
            }
            try {
                if (failure != null || next == null) {
                    throw new IllegalStateException("playback gate failed", failure);
                }
                decide(request, route, next, logOnce, hops + 1);
            } catch (RuntimeException e) {
                failed(request, e);
            }
        }));
    }

    private void serve(HttpServerRequest request, Route.Media route, Viewer viewer, Runnable logOnce) {
        switch (route) {
            case Route.Live live -> live(request, live, viewer, logOnce);
            case Route.Archive archive -> archives.respond(request, archive, viewer, logOnce);
            case Route.Vod vod -> vods.respond(request, vod, viewer, logOnce);
        }
    }

    private void live(HttpServerRequest request, Route.Live route, Viewer viewer, Runnable logOnce) {
        String channel = viewer.channel();
        Optional<LiveOutput> found = catalog.channel(channel);
        if (found.isEmpty()) {
            viewer.served(0);
            Replies.text(request, 404, "unknown channel " + channel + "\n");
            return;
        }
        LiveOutput output = found.get();
        switch (route) {
            case Route.MultivariantPlaylist ignored -> playlist(request, viewer,
                    output.multivariantPlaylist(), channel, true);
            case Route.MediaPlaylist ignored -> playlist(request, viewer, output.mediaPlaylist(), channel, false);
            case Route.Segment segment -> segments.respond(request, segment.mediaSequence(), channel,
                    output.segment(segment.mediaSequence()), viewer);
            case Route.Key key -> key(request, output.key(key.keyId()), viewer);
            case Route.Stream ignored -> TsViewer.start(request, channel, output.transportStream(), viewer, options,
                    counters, logOnce);
        }
    }

    private void playlist(HttpServerRequest request, Viewer viewer, Playlist playlist, String channel,
                          boolean multivariant) {
        HttpServerResponse response = request.response();
        switch (playlist) {
            case Playlist.Ready ready -> {
                Buffer body = multivariant ? playlists.multivariant(channel, ready.body())
                        : playlists.media(channel, ready.body());
                response.putHeader(HttpHeaders.CONTENT_TYPE, MediaHeaders.PLAYLIST_TYPE)
                        .putHeader(HttpHeaders.CACHE_CONTROL, MediaHeaders.NO_CACHE);
                // counted before the bytes leave: whoever sees the response also sees the count
                viewer.served(request.method() == HttpMethod.HEAD ? 0 : body.length());
                Replies.body(request, 200, body);
            }
            case Playlist.NotReady notReady -> {
                viewer.served(0);
                response.putHeader(MediaHeaders.RETRY_AFTER, MediaHeaders.ONE_SECOND);
                Replies.text(request, 503, notReady.reason() + "\n");
            }
        }
    }

    /**
     * A content key: 16 bytes that no cache may keep, or the one generic refusal when the viewer's channel has no
     * such key (an id of another channel, a key no longer kept, a channel in the clear).
     */
    static void key(HttpServerRequest request, Optional<byte[]> key, Viewer viewer) {
        if (key.isEmpty()) {
            viewer.served(0);
            LOG.info("key refused to a session of channel {}: no such key", viewer.channel());
            forbidden(request);
            return;
        }
        Buffer body = Buffer.buffer(key.get());
        request.response().putHeader(HttpHeaders.CONTENT_TYPE, MediaHeaders.KEY_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, MediaHeaders.NO_STORE);
        viewer.served(request.method() == HttpMethod.HEAD ? 0 : body.length());
        Replies.body(request, 200, body);
    }

    static void forbidden(HttpServerRequest request) {
        Replies.text(request, 403, FORBIDDEN);
    }

    /** The client's address (after the trusted-proxy rule) and User-Agent, for the gate. */
    private ClientInfo client(HttpServerRequest request) {
        InetAddress peer = peerAddress(request.remoteAddress());
        TrustedProxies trusted = options.trustedProxies();
        InetAddress address = peer;
        if (!trusted.isEmpty() && trusted.trusts(peer)) {
            List<String> forwarded = request.headers().getAll(X_FORWARDED_FOR);
            address = ForwardedFor.client(peer, forwarded, trusted);
        }
        return new ClientInfo(address, request.getHeader(HttpHeaders.USER_AGENT));
    }

    private static InetAddress peerAddress(SocketAddress remote) {
        if (remote == null) {
            return null;
        }
        if (remote instanceof SocketAddressImpl known && known.ipAddress() != null) {
            return known.ipAddress();
        }
        byte[] bytes = IpLiteral.parse(remote.hostAddress());
        try {
            return bytes == null ? null : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static void health(HttpServerRequest request) {
        if (!Replies.readMethod(request)) {
            return;
        }
        request.response().putHeader(HttpHeaders.CONTENT_TYPE, MediaHeaders.TEXT_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, MediaHeaders.NO_STORE);
        Replies.body(request, 200, OK);
    }

    private void metrics(HttpServerRequest request) {
        if (!Replies.readMethod(request)) {
            return;
        }
        // A scrape formats every meter: cheap, but not cheap enough to run on the event loop.
        vertx.executeBlocking(metrics::get, false).onComplete(result -> {
            if (request.response().closed()) {
                return;
            }
            if (result.failed() || result.result() == null) {
                LOG.warn("metrics supplier failed", result.cause());
                Replies.text(request, 500, "metrics unavailable\n");
                return;
            }
            request.response().putHeader(HttpHeaders.CONTENT_TYPE, MediaHeaders.PROMETHEUS_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, MediaHeaders.NO_STORE);
            Replies.body(request, 200, Buffer.buffer(result.result().getBytes(StandardCharsets.UTF_8)));
        });
    }

    /** Web players fetch media cross-origin; nothing here is credentialed (the token is in the path). */
    private static void cors(HttpServerResponse response) {
        response.putHeader(MediaHeaders.ALLOW_ORIGIN, MediaHeaders.ANY_ORIGIN)
                .putHeader(MediaHeaders.EXPOSE_HEADERS, MediaHeaders.EXPOSED);
    }

    private static void preflight(HttpServerResponse response) {
        response.putHeader(MediaHeaders.ALLOW_METHODS, MediaHeaders.MEDIA_METHODS)
                .putHeader(MediaHeaders.ALLOW_HEADERS, MediaHeaders.RANGE_HEADER)
                .putHeader(MediaHeaders.MAX_AGE, MediaHeaders.ONE_DAY)
                .putHeader(HttpHeaders.CONTENT_LENGTH, "0")
                .setStatusCode(204)
                .end();
    }

    /** Releases this loop's open segment files; on the event loop, when the server instance stops. */
    @Override
    public void close() {
        vertx.cancelTimer(sweepTimer);
        files.close();
    }
}
