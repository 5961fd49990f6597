package headwater.delivery;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches every request of one event loop: parse the path once ({@link MediaPath}), check the method, then answer
 * from the {@link LiveCatalog}. Runs on the event loop; nothing here blocks.
 */
final class DeliveryHandler implements Handler<HttpServerRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryHandler.class);
    private static final Buffer OK = Buffer.buffer("ok\n");

    private final Vertx vertx;
    private final LiveCatalog catalog;
    private final Supplier<String> metrics;
    private final SegmentResponder segments;
    private final DeliveryOptions options;
    private final Counters counters;
    private final MountedHandler mounted;

    DeliveryHandler(Vertx vertx, LiveCatalog catalog, Supplier<String> metrics, DeliveryOptions options,
                    Counters counters, MountedHandler mounted) {
        this.vertx = vertx;
        this.mounted = mounted;
        this.counters = counters;
        this.catalog = catalog;
        this.metrics = metrics;
        this.options = options;
        this.segments = new SegmentResponder(vertx);
    }

    @Override
    public void handle(HttpServerRequest request) {
        counters.requests.increment();
        Runnable logOnce = AccessLog.watch(request);
        try {
            if (mounted != null && mounted.offer(request)) {
                return;
            }
            switch (MediaPath.parse(request.path())) {
                case Route.Media media -> media(request, media, logOnce);
                case Route.Health ignored -> health(request);
                case Route.Metrics ignored -> metrics(request);
                case Route.NotFound ignored -> Replies.text(request, 404, "not found\n");
                case Route.Malformed malformed -> {
                    cors(request.response());
                    Replies.text(request, 400, malformed.reason() + "\n");
                }
            }
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.method(), request.path(), e);
            if (request.response().ended()) {
                return;
            }
            if (!request.response().headWritten()) {
                request.response().headers().clear();
                Replies.text(request, 500, "internal error\n");
            } else {
                request.connection().close();
            }
        }
    }

    private void media(HttpServerRequest request, Route.Media route, Runnable logOnce) {
        HttpServerResponse response = request.response();
        cors(response);
        HttpMethod method = request.method();
        if (method == HttpMethod.OPTIONS) {
            preflight(response);
            return;
        }
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.ALLOW, MediaHeaders.MEDIA_METHODS);
            Replies.text(request, 405, "method " + method.name() + " not allowed\n");
            return;
        }
        // The session-control issue checks the signed token here, before the catalog is touched.
        Optional<LiveOutput> found = catalog.channel(route.channel());
        if (found.isEmpty()) {
            Replies.text(request, 404, "unknown channel " + route.channel() + "\n");
            return;
        }
        LiveOutput output = found.get();
        switch (route) {
            case Route.MultivariantPlaylist ignored -> playlist(request, output.multivariantPlaylist());
            case Route.MediaPlaylist ignored -> playlist(request, output.mediaPlaylist());
            case Route.Segment segment -> segments.respond(request, segment, output.segment(segment.mediaSequence()));
            case Route.Stream stream -> TsViewer.start(request, stream.channel(), output.transportStream(), options,
                    counters, logOnce);
        }
    }

    private static void playlist(HttpServerRequest request, Playlist playlist) {
        HttpServerResponse response = request.response();
        switch (playlist) {
            case Playlist.Ready ready -> {
                response.putHeader(HttpHeaders.CONTENT_TYPE, MediaHeaders.PLAYLIST_TYPE)
                        .putHeader(HttpHeaders.CACHE_CONTROL, MediaHeaders.NO_CACHE);
                Replies.body(request, 200, Buffer.buffer(ready.body()));
            }
            case Playlist.NotReady notReady -> {
                response.putHeader(MediaHeaders.RETRY_AFTER, MediaHeaders.ONE_SECOND);
                Replies.text(request, 503, notReady.reason() + "\n");
            }
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

    /** Web players fetch media cross-origin; nothing here is credentialed, so any origin may read it. */
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
}
