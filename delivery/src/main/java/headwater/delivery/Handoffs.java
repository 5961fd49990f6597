package headwater.delivery;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/**
 * The other applications' handlers of a running server: the {@link Mount}s, asked first by path prefix, and the
 * fallback, which gets every request no route claims (the Xtream Codes URLs: {@code /player_api.php},
 * {@code /live/{u}/{p}/{id}.ts}...). Immutable; an array and an index loop so that a live request pays no allocation.
 */
final class Handoffs {

    static final Handoffs NONE = new Handoffs(new MountedHandler[0], null);

    private final MountedHandler[] mounts;
    private final Handler<HttpServerRequest> fallback;

    /** @param fallback the handler of unclaimed requests, or null to answer them 404 */
    Handoffs(MountedHandler[] mounts, Handler<HttpServerRequest> fallback) {
        this.mounts = mounts.clone();
        this.fallback = fallback;
    }

    /** Hands the request to the mount whose prefix covers its raw path; false when none does. */
    boolean offer(HttpServerRequest request) {
        if (mounts.length == 0) {
            return false;
        }
        for (MountedHandler mounted : mounts) {
            if (mounted.offer(request)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a mount's prefix covers the raw path (without handing anything over). */
    boolean claims(String rawPath) {
        for (MountedHandler mounted : mounts) {
            if (mounted.covers(rawPath)) {
                return true;
            }
        }
        return false;
    }

    /** Hands an unclaimed request to the fallback; false when there is none. */
    boolean fallback(HttpServerRequest request) {
        if (fallback == null) {
            return false;
        }
        fallback.handle(request);
        return true;
    }
}
