package headwater.delivery;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/** A {@link Mount} with its handler built for the running server. */
record MountedHandler(Mount mount, Handler<HttpServerRequest> handler) {

    /** Whether the raw path is under the mount's prefix. */
    boolean covers(String rawPath) {
        return mount.covers(rawPath);
    }

    /** Hands the request over when its raw path is under the mount's prefix; false otherwise. */
    boolean offer(HttpServerRequest request) {
        if (!mount.covers(request.path())) {
            return false;
        }
        handler.handle(request);
        return true;
    }
}
