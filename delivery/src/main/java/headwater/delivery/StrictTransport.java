package headwater.delivery;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Puts {@code Strict-Transport-Security} on every response of the HTTPS listener (RFC 6797; sent over TLS only, as
 * the RFC requires), whoever answers: media, a mount or the fallback.
 */
final class StrictTransport implements Handler<HttpServerRequest> {

    private static final CharSequence HEADER = HttpHeaders.createOptimized("Strict-Transport-Security");

    private final Handler<HttpServerRequest> next;
    private final CharSequence value;

    StrictTransport(Handler<HttpServerRequest> next, String value) {
        this.next = next;
        this.value = HttpHeaders.createOptimized(value);
    }

    @Override
    public void handle(HttpServerRequest request) {
        request.response().putHeader(HEADER, value);
        next.handle(request);
    }
}
