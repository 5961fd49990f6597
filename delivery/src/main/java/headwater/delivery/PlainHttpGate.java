package headwater.delivery;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of the plain-HTTP listener ({@link PlainHttpPort}): lets through {@code /healthz}, the signed media routes
 * under {@code /s/} except keys, and the fallback when allowed; answers everything else 403 before any handler, mount
 * or fallback reads it, so that a password sent in clear by mistake is never checked, let alone accepted. The log
 * line names only the first path segment (an Xtream path carries the password in the next ones).
 */
final class PlainHttpGate implements Handler<HttpServerRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(PlainHttpGate.class);
    private static final String SESSION = "/s/";
    private static final String KEY_SEGMENT = "/key/";

    private final Handler<HttpServerRequest> next;
    private final Handoffs handoffs;
    private final boolean fallback;

    PlainHttpGate(Handler<HttpServerRequest> next, Handoffs handoffs, boolean fallback) {
        this.next = next;
        this.handoffs = handoffs;
        this.fallback = fallback;
    }

    @Override
    public void handle(HttpServerRequest request) {
        if (allowed(request.path())) {
            next.handle(request);
            return;
        }
        LOG.debug("plain HTTP refused for {} from {}", firstSegment(request.path()), request.remoteAddress());
        request.response().putHeader("Connection", "close");
        Replies.text(request, 403, "this port serves media only: use HTTPS\n");
    }

    boolean allowed(String path) {
        if (path == null) {
            return false;
        }
        if (path.startsWith(SESSION)) {
            // A path under /s/ that no media route claims would go on to the fallback (an Xtream "/U/P/{id}" with
            // the user "s"), so it is the fallback's to allow, not the media's.
            return !path.contains(KEY_SEGMENT) && (fallback || !(MediaPath.parse(path) instanceof Route.NotFound));
        }
        if (path.equals("/healthz")) {
            return true;
        }
        if (path.equals("/metrics") || handoffs.claims(path)) {
            return false;
        }
        return fallback;
    }

    private static String firstSegment(String path) {
        if (path == null || path.length() < 2) {
            return "/";
        }
        int end = path.indexOf('/', 1);
        return end < 0 ? path : path.substring(0, end + 1);
    }
}
