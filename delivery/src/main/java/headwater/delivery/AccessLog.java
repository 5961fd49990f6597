package headwater.delivery;

import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per exchange on logger {@code headwater.delivery.access}: method, path, masked query, status, body
 * bytes sent and duration. Silence it per logger (level WARN) when request rates make it costly.
 *
 * <p>Credentials never reach the log ({@link #safePath}): the session token of a media path, the username and
 * password (or playlist token) of the Xtream Codes media URLs ({@code /live|movie|series|timeshift/{u}/{p}/...} and
 * {@code /{u}/{p}/{id}}) are replaced by {@code ***}, and query values of credential-like keys
 * ({@code username}, {@code password}, {@code token}...) are masked by {@link QueryMask}.
 */
final class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("headwater.delivery.access");
    private static final int MAX_PATH = 256;
    private static final String SESSION = "/s/";
    private static final String MASK = QueryMask.MASK;
    private static final java.util.Set<String> XTREAM_KINDS = java.util.Set.of("live", "movie", "series", "timeshift");

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

    /**
     * The raw path with its credentials replaced by {@code ***}, for logs:
     * <ul>
     *   <li>{@code /s/{token}/...}: the token;</li>
     *   <li>{@code /live/}, {@code /movie/}, {@code /series/}, {@code /timeshift/} followed by three segments or more:
     *       the first two (username and password; for the token form of timeshift, the token and the minutes);
     *       followed by one or two: the first (a playlist token, or whatever stands there);</li>
     *   <li>{@code /{u}/{p}/{id}} where {@code id} is digits with an optional extension: the first two.</li>
     * </ul>
     * Anything that might be a credential is masked rather than anything left: the forms overlap on purpose.
     */
    static String safePath(String rawPath) {
        if (rawPath == null || rawPath.length() < 2 || rawPath.charAt(0) != '/') {
            return rawPath;
        }
        if (rawPath.startsWith(SESSION)) {
            int end = rawPath.indexOf('/', SESSION.length());
            return SESSION + MASK + (end < 0 ? "" : rawPath.substring(end));
        }
        int kindEnd = rawPath.indexOf('/', 1);
        if (kindEnd < 0) {
            return rawPath;
        }
        String kind = rawPath.substring(1, kindEnd);
        int segments = count(rawPath, kindEnd);
        if (XTREAM_KINDS.contains(kind)) {
            return mask(rawPath, kindEnd, segments >= 3 ? 2 : 1);
        }
        if (segments == 2 && isNumericLeaf(rawPath, rawPath.lastIndexOf('/') + 1)) {
            return mask(rawPath, 0, 2);
        }
        return rawPath;
    }

    /** Segments after {@code from} (the index of a '/'), the empty one after a trailing '/' included. */
    private static int count(String path, int from) {
        int count = 0;
        for (int i = from; i >= 0; i = path.indexOf('/', i + 1)) {
            count++;
        }
        return count;
    }

    /** {@code path} with the {@code n} segments after the '/' at {@code from} replaced by the mask. */
    private static String mask(String path, int from, int n) {
        StringBuilder out = new StringBuilder(path.length()).append(path, 0, from);
        int at = from;
        for (int i = 0; i < n && at >= 0; i++) {
            out.append('/').append(MASK);
            at = path.indexOf('/', at + 1);
        }
        if (at >= 0) {
            out.append(path, at, path.length());
        }
        return out.toString();
    }

    /** Whether {@code path[from..]} is digits, optionally followed by an extension: an Xtream stream id. */
    private static boolean isNumericLeaf(String path, int from) {
        int i = from;
        while (i < path.length() && path.charAt(i) >= '0' && path.charAt(i) <= '9') {
            i++;
        }
        return i > from && (i == path.length() || path.charAt(i) == '.');
    }
}
