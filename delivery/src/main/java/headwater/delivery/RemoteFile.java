package headwater.delivery;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proxies a {@link VodFile.Remote}: the same method (GET or HEAD) to the upstream URL, the client's {@code Range} and
 * {@code If-Range} passed through, and the upstream's 200, 206 or 416 passed back with its {@code Content-Length},
 * {@code Content-Range}, {@code Accept-Ranges}, {@code ETag} and {@code Last-Modified}; the {@code Content-Type} is the
 * catalogue's. The body is relayed with backpressure. No redirect is followed (the outbound policy checked
 * the URL, not where it might send us): any other upstream status is a 502, an upstream that does not connect or
 * answer in time a 504. The connection goes to the address the policy checked when the catalogue gives one.
 */
final class RemoteFile {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteFile.class);
    private static final String USER_AGENT = "Headwater";
    private static final CharSequence CACHE = HttpHeaders.createOptimized("private, max-age=3600");
    private static final CharSequence[] PASSED_BACK = {HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_RANGE,
            HttpHeaders.ACCEPT_RANGES, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED};

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration idleTimeout;

    /**
     * @param connectTimeout how long connecting to the upstream may take
     * @param idleTimeout    how long the upstream may send nothing (before its answer, or in its body)
     */
    RemoteFile(Vertx vertx, Duration connectTimeout, Duration idleTimeout) {
        this.connectTimeout = connectTimeout;
        this.idleTimeout = idleTimeout;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) connectTimeout.toMillis())
                        .setKeepAlive(true)
                        .setForceSni(true)
                        .setDecompressionSupported(false)
                        .setMaxRedirects(0),
                new PoolOptions().setHttp1MaxSize(64));
    }

    /** @param logOnce the access log's action, run from the close handler this installs while relaying */
    void proxy(HttpServerRequest request, Route.Vod route, VodFile.Remote file, Viewer viewer, Runnable logOnce) {
        URI uri = file.uri();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method() == HttpMethod.HEAD ? HttpMethod.HEAD : HttpMethod.GET)
                .setAbsoluteURI(uri.toString())
                .setFollowRedirects(false)
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(idleTimeout.toMillis())
                .putHeader(HttpHeaders.USER_AGENT, USER_AGENT);
        if (file.address() != null) {
            int port = uri.getPort() >= 0 ? uri.getPort()
                    : uri.getScheme().toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
            options.setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(file.address(), port)));
        }
        copy(request.headers(), options, MediaHeaders.RANGE_HEADER);
        copy(request.headers(), options, MediaHeaders.IF_RANGE);
        HttpServerResponse response = request.response();
        client.request(options).compose(HttpClientRequest::send).onComplete(answered -> Replies.guarded(request, () -> {
            if (response.closed() || response.ended()) {
                viewer.served(0);
                if (answered.succeeded()) {
                    discard(answered.result());
                }
                return;
            }
            if (answered.failed()) {
                viewer.served(0);
                upstreamFailed(request, route, answered.cause());
                return;
            }
            answer(request, route, file, answered.result(), viewer, logOnce);
        }));
    }

    private static void answer(HttpServerRequest request, Route.Vod route, VodFile.Remote file,
                               HttpClientResponse upstream, Viewer viewer, Runnable logOnce) {
        HttpServerResponse response = request.response();
        int status = upstream.statusCode();
        if (status != 200 && status != 206 && status != 416) {
            viewer.served(0);
            discard(upstream);
            LOG.warn("upstream of {} answered {}: only 200, 206 and 416 are passed on, redirects are not followed",
                    route.scope(), status);
            Replies.text(request, 502, "the media of " + route.scope() + " is not available upstream\n");
            return;
        }
        for (CharSequence name : PASSED_BACK) {
            String value = upstream.getHeader(name);
            if (value != null) {
                response.putHeader(name, value);
            }
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, status == 416 ? MediaHeaders.TEXT_TYPE : file.contentType())
                .putHeader(HttpHeaders.CACHE_CONTROL, CACHE);
        if (request.method() == HttpMethod.HEAD) {
            viewer.served(0);
            upstream.end(); // a HEAD answer has no body
            response.end();
            return;
        }
        if (upstream.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            response.setChunked(true);
        }
        relay(request, route, upstream, viewer, logOnce);
    }

    /**
     * Copies the upstream's body to the client with backpressure (the upstream is paused while the client's write
     * queue is full). The client going away resets the upstream request; the upstream failing mid-body closes the
     * client's connection, since its head promised a length.
     */
    private static void relay(HttpServerRequest request, Route.Vod route, HttpClientResponse upstream,
                              Viewer viewer, Runnable logOnce) {
        HttpServerResponse response = request.response();
        long[] relayed = {0};
        boolean[] done = {false};
        Runnable finish = () -> {
            if (!done[0]) {
                done[0] = true;
                viewer.served(relayed[0]);
            }
        };
        upstream.handler(chunk -> {
            if (done[0]) {
                return;
            }
            if (response.closed() || response.ended()) {
                finish.run();
                discard(upstream);
                return;
            }
            relayed[0] += chunk.length();
            response.write(chunk);
            if (response.writeQueueFull()) {
                upstream.pause();
                response.drainHandler(v -> upstream.resume());
            }
        });
        upstream.exceptionHandler(failure -> {
            if (done[0]) {
                return;
            }
            finish.run();
            LOG.debug("proxying {} stopped: {}", route.scope(), failure.toString());
            if (!response.closed() && !response.ended()) {
                request.connection().close();
            }
        });
        response.closeHandler(v -> {
            if (!done[0]) {
                finish.run();
                discard(upstream);
            }
            logOnce.run();
        });
        upstream.endHandler(v -> {
            if (done[0]) {
                return;
            }
            finish.run();
            if (!response.closed() && !response.ended()) {
                response.end();
            }
        });
    }

    /** Drops an upstream answer that is not passed on: resets its stream (quietly: nobody reads it). */
    private static void discard(HttpClientResponse upstream) {
        upstream.exceptionHandler(ignored -> { });
        upstream.handler(null);
        upstream.request().reset();
    }

    private static void upstreamFailed(HttpServerRequest request, Route.Vod route, Throwable cause) {
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        boolean timedOut = cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof io.netty.channel.ConnectTimeoutException
                || message.contains("timeout") || message.contains("timed out");
        LOG.warn("upstream of {} failed: {}", route.scope(), cause.toString());
        if (timedOut) {
            Replies.text(request, 504, "the media of " + route.scope() + " did not answer in time upstream\n");
        } else {
            Replies.text(request, 502, "the media of " + route.scope() + " is not available upstream\n");
        }
    }

    private static void copy(MultiMap from, RequestOptions to, CharSequence name) {
        String value = from.get(name);
        if (value != null) {
            to.putHeader(name, value);
        }
    }

    void close() {
        client.close();
    }
}
