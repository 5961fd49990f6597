package headwater.delivery;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Another application's handler for every request whose raw path starts with {@code pathPrefix}, e.g. an admin API
 * under {@code /api/}. The factory is called once per server start with the server's own {@link Vertx}, so that the
 * handler (a vertx-web Router, say) schedules its work on the same event loops and worker pool.
 *
 * @param pathPrefix     starts and ends with '/', at least one character between, and never covers a media path
 * @param handlerFactory builds the handler from the server's Vert.x; the handler runs on the event loop
 */
public record Mount(String pathPrefix, Function<Vertx, Handler<HttpServerRequest>> handlerFactory) {

    /** Media paths ({@code /s/{token}/...}). {@code /live/...} belongs to the Xtream forms now (a fallback). */
    private static final List<String> RESERVED = List.of("/s/");

    public Mount {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(handlerFactory, "handlerFactory");
        if (pathPrefix.length() < 3 || !pathPrefix.startsWith("/") || !pathPrefix.endsWith("/")) {
            throw new IllegalArgumentException("mount prefix \"" + pathPrefix
                    + "\" must start and end with '/' and name a path between, e.g. /api/");
        }
        for (String reserved : RESERVED) {
            if (reserved.startsWith(pathPrefix) || pathPrefix.startsWith(reserved)) {
                throw new IllegalArgumentException("mount prefix \"" + pathPrefix + "\" would hide the media paths under "
                        + reserved);
            }
        }
    }

    boolean covers(String rawPath) {
        return rawPath.startsWith(pathPrefix);
    }

    /** Whether one of the two prefixes covers the other, so that one mount would hide (part of) the other. */
    boolean overlaps(Mount other) {
        return pathPrefix.startsWith(other.pathPrefix) || other.pathPrefix.startsWith(pathPrefix);
    }
}
