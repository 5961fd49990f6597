package headwater.headend.source;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/**
 * MPEG-TS over a long-lived HTTP(S) GET ({@code http://host/live/news.ts}): streamed, never buffered whole. Redirects
 * are followed (not from https to http); any final status other than 200 fails {@link #open()} with that status. The
 * Content-Type is not checked: servers label TS in many ways. User info in the URI ({@code http://user:pass@host/…})
 * is sent as Basic authorization and masked in logs. Request headers come from the URI's fragment, which is never sent
 * ({@link RequestHeaders}: {@code http://host/live.ts#user-agent=VLC%2F3.0&referer=https%3A%2F%2Fx.example%2F}).
 */
final class HttpSource extends MeteredSource {
    private final URI target;
    private final RequestHeaders headers;
    private volatile CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> pending;
    private volatile BodyStream body;

    HttpSource(URI uri, SourceContext context, URI target) {
        super(uri, context);
        this.target = target;
        this.headers = HttpTarget.headers(uri, context);
    }

    static HttpSource of(URI uri, SourceContext context) {
        return new HttpSource(uri, context, HttpTarget.check(uri, uri, context));
    }

    @Override
    public void open() throws IOException {
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = HttpTarget.get(this, target, headers,
                context, f -> pending = f);
        if (response.statusCode() != 200) {
            HttpTarget.discard(response);
            throw new IOException(describe() + " answered HTTP " + response.statusCode() + " for "
                    + new MaskedUri(response.uri()));
        }
        body = new BodyStream(response.body(), context.readTimeout(), describe());
        if (isClosed()) {
            body.close();
        }
    }

    @Override
    protected int readSome(byte[] buf, int off, int len) throws IOException {
        BodyStream b = body;
        if (b == null) {
            throw new IllegalStateException(describe() + " is not open");
        }
        return b.read(buf, off, len);
    }

    @Override
    protected void release() {
        var f = pending;
        if (f != null) {
            f.cancel(true);
        }
        BodyStream b = body;
        if (b != null) {
            b.close();
        }
    }

    /** Building, sending and checking the GET requests of http and hls sources. */
    static final class HttpTarget {
        private HttpTarget() {}

        /** The request headers of the source's fragment; refuses an authorization header beside user info. */
        static RequestHeaders headers(URI uri, SourceContext context) {
            RequestHeaders headers = RequestHeaders.parse(uri.getRawFragment(), describe(uri, context));
            String userInfo = uri.getRawUserInfo();
            if (headers.get("authorization") != null && userInfo != null && !userInfo.isEmpty()) {
                throw new InvalidSourceException(describe(uri, context) + " has both user info and an "
                        + "authorization header in its fragment: give one of them");
            }
            return headers;
        }

        /** Checks an http(s) URI and returns it without user info (which becomes a header) nor fragment. */
        static URI check(URI uri, URI target, SourceContext context) {
            String source = describe(uri, context);
            if (target.getHost() == null || target.getHost().isEmpty()) {
                throw new InvalidSourceException(source + " has no host");
            }
            String port = target.getPort() < 0 ? "" : ":" + target.getPort();
            try {
                return new URI(target.getScheme() + "://" + target.getHost() + port + rawPathAndQuery(target));
            } catch (java.net.URISyntaxException e) {
                throw new InvalidSourceException(source + " is not a valid URI: " + e.getMessage());
            }
        }

        private static String rawPathAndQuery(URI target) {
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            return target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
        }

        /**
         * The GET of {@code target} for the source {@code withCredentials}: its User-Agent (the fragment's or the
         * default), its other headers and its user info as Basic authorization (credentials only to its origin).
         */
        static HttpRequest request(URI target, URI withCredentials, RequestHeaders headers, SourceContext context) {
            HttpRequest.Builder b = HttpRequest.newBuilder(target)
                    .GET()
                    .timeout(context.readTimeout())
                    .header("User-Agent", headers.userAgent(context.userAgent()));
            boolean sameOrigin = sameOrigin(target, withCredentials);
            headers.addTo(b, sameOrigin);
            String userInfo = withCredentials.getRawUserInfo();
            if (userInfo != null && !userInfo.isEmpty() && sameOrigin) {
                String decoded = java.net.URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
                b.header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8)));
            }
            return b.build();
        }

        /** Credentials go only where the URI that carries them points (an HLS segment on a CDN gets none). */
        private static boolean sameOrigin(URI target, URI withCredentials) {
            String scheme = withCredentials.getScheme().toLowerCase(java.util.Locale.ROOT);
            scheme = scheme.startsWith("hls+") ? scheme.substring(4) : scheme;
            return scheme.equalsIgnoreCase(target.getScheme())
                    && String.valueOf(withCredentials.getHost()).equalsIgnoreCase(target.getHost())
                    && port(withCredentials, scheme) == port(target, scheme);
        }

        private static int port(URI uri, String scheme) {
            return uri.getPort() >= 0 ? uri.getPort() : scheme.equalsIgnoreCase("https") ? 443 : 80;
        }

        /**
         * Sends a GET for {@code target} and waits for the response headers; a {@link MeteredSource#close()} in the
         * meantime (which cancels the future handed to {@code onPending}) makes it fail fast.
         */
        static <T> HttpResponse<T> send(MeteredSource source, HttpRequest request,
                HttpResponse.BodyHandler<T> handler,
                java.util.function.Consumer<CompletableFuture<HttpResponse<T>>> onPending) throws IOException {
            CompletableFuture<HttpResponse<T>> f = source.context.httpClient().sendAsync(request, handler);
            onPending.accept(f);
            if (source.isClosed()) {
                f.cancel(true);
            }
            try {
                return f.get();
            } catch (InterruptedException e) {
                f.cancel(true);
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(source.describe() + " was interrupted");
            } catch (CancellationException e) {
                throw new IOException(source.describe() + " was closed while connecting");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                String what = cause instanceof HttpTimeoutException ? "timed out" : "failed";
                throw new IOException(source.describe() + " " + what + " requesting "
                        + new MaskedUri(request.uri()) + ": " + cause, cause);
            }
        }

        static HttpResponse<Flow.Publisher<List<ByteBuffer>>> get(MeteredSource source, URI target,
                RequestHeaders headers, SourceContext context,
                java.util.function.Consumer<CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>>> pending)
                throws IOException {
            return send(source, request(target, source.uri(), headers, context), HttpResponse.BodyHandlers.ofPublisher(),
                    pending);
        }

        /** Drops the body of a response we refuse, so the connection is released. */
        static void discard(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response) {
            response.body().subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    s.cancel();
                }

                @Override
                public void onNext(List<ByteBuffer> item) {}

                @Override
                public void onError(Throwable t) {}

                @Override
                public void onComplete() {}
            });
        }
    }
}
