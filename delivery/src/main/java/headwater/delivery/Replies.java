package headwater.delivery;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The few ways a response ends: a body (or only its length, for HEAD) and plain-text errors. */
final class Replies {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryHandler.class);
    private static final Buffer INTERNAL_ERROR = Buffer.buffer("internal error\n");

    private Replies() {
    }

    /** Ends with {@code body}, or for HEAD with its {@code Content-Length} and no body. */
    static void body(HttpServerRequest request, int status, Buffer body) {
        HttpServerResponse response = request.response().setStatusCode(status);
        if (request.method() == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length())).end();
        } else {
            response.end(body);
        }
    }

    /** A short plain-text answer, never cached: errors and such. */
    static void text(HttpServerRequest request, int status, String message) {
        request.response().putHeader(HttpHeaders.CONTENT_TYPE, MediaHeaders.TEXT_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, MediaHeaders.NO_STORE);
        body(request, status, Buffer.buffer(message));
    }

    /** A short plain-text answer from a pre-built body. */
    static void text(HttpServerRequest request, int status, Buffer message) {
        request.response().putHeader(HttpHeaders.CONTENT_TYPE, MediaHeaders.TEXT_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, MediaHeaders.NO_STORE);
        body(request, status, message);
    }

    /** Answers 405 unless the method is GET or HEAD. */
    static boolean readMethod(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            return true;
        }
        request.response().putHeader(HttpHeaders.ALLOW, MediaHeaders.READ_METHODS);
        text(request, 405, "method " + method.name() + " not allowed\n");
        return false;
    }

    /**
     * A bug or a broken collaborator met while answering: logged with the (masked) path, answered 500 when nothing
     * was sent yet, else the connection is closed (a promised length cannot be kept).
     */
    static void failed(HttpServerRequest request, Throwable e) {
        LOG.error("{} {} failed", request.method(), AccessLog.safePath(request.path()), e);
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (!response.headWritten()) {
            response.headers().clear();
            text(request, 500, INTERNAL_ERROR);
        } else {
            request.connection().close();
        }
    }

    /** Runs a continuation of a request (a completion handler), answering {@link #failed} if it throws. */
    static void guarded(HttpServerRequest request, Runnable continuation) {
        try {
            continuation.run();
        } catch (RuntimeException e) {
            failed(request, e);
        }
    }
}
