package headwater.delivery;

import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per exchange on logger {@code headwater.delivery.access}: method, path, masked query, status, body
 * bytes sent and duration. Silence it per logger (level WARN) when request rates make it costly.
 *
 * <p>The session token of a media path is replaced by {@code ***} ({@link #safePath}) and query values of
 * credential-like keys are masked by {@link QueryMask}.
 */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("headwater.delivery.access");
    private static final int MAX_PATH = 256;
    private static final String SESSION = "/s/";

    private AccessLog() {
    }

    /**
     * Arranges for the exchange to be logged once, when the response ends or the connection closes first.
     *
     * @return the log action, for a handler that installs its own close handler and must call it from there
     */
    static Runnable watch(HttpServerRequest request) {
        if (!LOG.isInfoEnabled()) {
            return () -> { };
        }
        long startNanos = System.nanoTime();
        boolean[] logged = {false};
        Runnable once = () -> {
            if (!logged[0]) {
                logged[0] = true;
                log(request, startNanos);
            }
        };
        request.response().endHandler(v -> once.run());
        request.response().closeHandler(v -> once.run());
        return once;
    }

    private static void log(HttpServerRequest request, long startNanos) {
        long micros = (System.nanoTime() - startNanos) / 1_000;
        StringBuilder target = new StringBuilder(64);
        String path = safePath(request.path());
        QueryMask.appendSafe(target, path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "..." : path);
        String query = QueryMask.mask(request.query());
        if (query != null) {
            target.append('?').append(query);
        }
        var response = request.response();
        LOG.info("{} {} {} {}B {}us{}", request.method().name(), target, response.getStatusCode(),
                response.bytesWritten(), micros, response.ended() ? "" : " (closed early)");
    }

    /** The raw path with the token segment of {@code /s/{token}/...} replaced by {@code ***}, for logs. */
    static String safePath(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(SESSION)) {
            return rawPath;
        }
        int end = rawPath.indexOf('/', SESSION.length());
        return SESSION + "***" + (end < 0 ? "" : rawPath.substring(end));
    }
}
