package headwater.delivery;

import io.vertx.core.http.HttpHeaders;

/** Header names and values, pre-encoded once so the hot path writes them without re-encoding. */
final class MediaHeaders {

    static final CharSequence PLAYLIST_TYPE = HttpHeaders.createOptimized("application/vnd.apple.mpegurl");
    static final CharSequence TS_TYPE = HttpHeaders.createOptimized("video/mp2t");
    static final CharSequence KEY_TYPE = HttpHeaders.createOptimized("application/octet-stream");
    static final CharSequence TEXT_TYPE = HttpHeaders.createOptimized("text/plain; charset=utf-8");
    static final CharSequence PROMETHEUS_TYPE = HttpHeaders.createOptimized("text/plain; version=0.0.4; charset=utf-8");

    static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");
    static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    /**
     * Segments never change once published; their URLs carry a viewer's session token, so only the viewer's own
     * cache may keep them (an edge that verifies tokens itself caches by the path without the token).
     */
    static final CharSequence IMMUTABLE = HttpHeaders.createOptimized("private, max-age=31536000, immutable");

    static final CharSequence BYTES = HttpHeaders.createOptimized("bytes");
    static final CharSequence RETRY_AFTER = HttpHeaders.createOptimized("Retry-After");
    static final CharSequence ONE_SECOND = HttpHeaders.createOptimized("1");

    static final CharSequence ALLOW_ORIGIN = HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN;
    static final CharSequence ANY_ORIGIN = HttpHeaders.createOptimized("*");
    static final CharSequence EXPOSE_HEADERS = HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS;
    static final CharSequence EXPOSED = HttpHeaders.createOptimized("Content-Length, Content-Range");
    static final CharSequence ALLOW_METHODS = HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS;
    static final CharSequence ALLOW_HEADERS = HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS;
    static final CharSequence MAX_AGE = HttpHeaders.ACCESS_CONTROL_MAX_AGE;
    static final CharSequence ONE_DAY = HttpHeaders.createOptimized("86400");
    static final CharSequence RANGE_HEADER = HttpHeaders.createOptimized("Range");
    static final CharSequence IF_RANGE = HttpHeaders.createOptimized("If-Range");

    static final CharSequence MEDIA_METHODS = HttpHeaders.createOptimized("GET, HEAD, OPTIONS");
    static final CharSequence READ_METHODS = HttpHeaders.createOptimized("GET, HEAD");

    private MediaHeaders() {
    }
}
