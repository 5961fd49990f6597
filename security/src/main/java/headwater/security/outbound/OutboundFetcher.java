package headwater.security.outbound;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads what imports read (XMLTV guides, M3U playlists, logos) under an {@link OutboundPolicy}.
 *
 * <p><b>Why not {@code java.net.http.HttpClient}.</b> The policy is only sound if the connection goes to the address
 * that was checked. HttpClient resolves the host itself when it connects, so a DNS name with a short TTL could
 * answer a public address to the check and {@code 169.254.169.254} to the connection (DNS rebinding). Pinning the
 * address with HttpClient means putting the IP in the URL, which breaks HTTPS (SNI and the certificate check would
 * use the IP) and needs the restricted {@code Host} header (a JVM-wide system property), or replacing the JVM-wide
 * resolver ({@code InetAddressResolverProvider}), which would change every other connection of the server. So this
 * class speaks HTTP/1.1 itself over a {@link Socket} connected to the checked {@link InetAddress}; for https the TLS
 * socket is layered on it with the URL's host name as the peer host, SNI server name and the subject of the
 * certificate check ({@code endpointIdentificationAlgorithm=HTTPS}), exactly as a client that resolved the name
 * itself would. The request is a plain {@code GET} with {@code Connection: close}; the response is read with bounded
 * lines and header counts ({@link ResponseHead}), chunked or length-delimited or to the end.
 *
 * <p>Redirects (301, 302, 303, 307, 308) are followed by hand, at most {@link FetchLimits#maxRedirects()}, each
 * target checked like the first URL (scheme, resolution, every address); never from https to http. User info of the
 * URL is sent as Basic authorization to the same origin only. System proxies are not used.
 *
 * <p>The total time limit runs from the first DNS lookup: a resolver that does not answer in time fails the
 * download (its lookup is abandoned on a virtual thread).
 *
 * <p>The body is decoded from gzip when {@code Content-Encoding} says so and when it starts with the gzip magic
 * bytes (a {@code .xml.gz} served as it is); the size limit applies to the bytes received and to the decoded bytes.
 */
public final class OutboundFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundFetcher.class);
    private static final String USER_AGENT = "Headwater";

    private final OutboundPolicy policy;
    private final HostResolver resolver;
    private final SSLContext tls;

    public OutboundFetcher(OutboundPolicy policy) {
        this(policy, HostResolver.SYSTEM, defaultTls());
    }

    public OutboundFetcher(OutboundPolicy policy, HostResolver resolver, SSLContext tls) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.tls = Objects.requireNonNull(tls, "tls");
    }

    public OutboundPolicy policy() {
        return policy;
    }

    /**
     * Parses {@code url} and {@link #open(URI) opens} it.
     *
     * @throws OutboundRefusedException the text is not a URL, or the policy refuses it
     */
    public Download open(String url) throws IOException {
        return open(OutboundPolicy.parse(url));
    }

    /**
     * Starts the download of {@code uri}: checks it, connects to a checked address, follows redirects, and returns
     * once a 200 response's head has arrived. The caller reads and closes {@link Download#body()}.
     *
     * @throws OutboundRefusedException the policy refuses the URL or a redirect
     * @throws DownloadFailedException  no connection, a status other than 200, a malformed response, a limit
     */
    public Download open(URI requested) throws IOException {
        FetchLimits limits = policy.limits();
        Deadline deadline = Deadline.after(limits.totalTime());
        URI current = requested;
        CheckedTarget target = null;
        for (int redirects = 0; ; redirects++) {
            if (target == null) {
                target = policy.check(current, within(deadline, SafeUri.of(current)));
            }
            String shown = SafeUri.of(current);
            Socket socket = connect(target, limits, deadline, shown);
            boolean handedOver = false;
            try {
                InputStream in = new BufferedInputStream(new TimedInputStream(socket, limits.idleTime(), deadline, shown),
                        16 * 1024);
                sendGet(socket.getOutputStream(), target, requested);
                ResponseHead head = ResponseHead.read(in, shown);
                if (head.redirect()) {
                    URI next = redirectTarget(current, head, shown);
                    if (redirects >= limits.maxRedirects()) {
                        throw new OutboundRefusedException(SafeUri.of(requested) + " redirected more than "
                                + limits.maxRedirects() + " times (the last to " + SafeUri.of(next) + ")");
                    }
                    if (target.https() && next.getScheme().equalsIgnoreCase("http")) {
                        throw new OutboundRefusedException(shown + " redirected from https to plain http ("
                                + SafeUri.of(next) + "); refused");
                    }
                    LOG.debug("{} redirected ({}) to {}", shown, head.status(), SafeUri.of(next));
                    current = next;
                    target = null;
                    continue;
                }
                if (head.status() != 200) {
                    throw new DownloadFailedException(shown + " answered HTTP " + head.status()
                            + (head.reason().isEmpty() ? "" : " " + ResponseHead.printable(head.reason(), 80)));
                }
                InputStream body = body(in, head, limits, shown, current);
                handedOver = true;
                return new Download(requested, current, head.first("content-type"), body);
            } finally {
                if (!handedOver) {
                    socket.close();
                }
            }
        }
    }

    /**
     * The resolver, waited for no longer than the time left: the system resolver has its own timeouts (seconds per
     * server and attempt) that the total limit must not be at the mercy of. The lookup itself cannot be interrupted;
     * it finishes on its virtual thread and its answer is dropped.
     */
    private HostResolver within(Deadline deadline, String shown) {
        return host -> {
            var lookup = new java.util.concurrent.CompletableFuture<List<InetAddress>>();
            Thread.ofVirtual().name("outbound-dns").start(() -> {
                try {
                    lookup.complete(resolver.resolve(host));
                } catch (Throwable e) {
                    lookup.completeExceptionally(e);
                }
            });
            try {
                return lookup.get(Math.max(1, deadline.remainingMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new java.net.UnknownHostException("no answer for " + host + " within the total limit of "
                        + deadline.total().toMillis() + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.net.UnknownHostException("interrupted while resolving " + host);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof java.net.UnknownHostException unknown) {
                    throw unknown;
                }
                throw new java.net.UnknownHostException(host + ": " + e.getCause());
            }
        };
    }

    private Socket connect(CheckedTarget target, FetchLimits limits, Deadline deadline, String shown) throws IOException {
        List<String> failures = new ArrayList<>();
        for (InetAddress address : target.addresses()) {
            long left = deadline.remainingMillis();
            if (left <= 0) {
                break;
            }
            Socket socket = new Socket(Proxy.NO_PROXY);
            try {
                socket.connect(new InetSocketAddress(address, target.port()),
                        (int) Math.max(1, Math.min(limits.connectTime().toMillis(), left)));
                if (!target.https()) {
                    return socket;
                }
                return handshake(socket, target, limits, deadline);
            } catch (IOException e) {
                socket.close();
                failures.add(address.getHostAddress() + ":" + target.port() + " (" + e.getMessage() + ")");
            }
        }
        if (failures.isEmpty()) {
            throw new DownloadFailedException(shown + " took longer than the total limit of "
                    + limits.totalTime().toMillis() + " ms before connecting");
        }
        throw new DownloadFailedException(shown + ": cannot connect to " + String.join(", ", failures));
    }

    /** TLS over the pinned socket, for the URL's host name: SNI, and the certificate checked against that name. */
    private SSLSocket handshake(Socket plain, CheckedTarget target, FetchLimits limits, Deadline deadline)
            throws IOException {
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isLiteral(target.host())) {
            parameters.setServerNames(List.of(new SNIHostName(target.host())));
        }
        ssl.setSSLParameters(parameters);
        ssl.setSoTimeout((int) Math.max(1, Math.min(limits.idleTime().toMillis(), deadline.remainingMillis())));
        ssl.startHandshake();
        return ssl;
    }

    private static void sendGet(OutputStream out, CheckedTarget target, URI requested) throws IOException {
        URI uri = target.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        StringBuilder request = new StringBuilder()
                .append("GET ").append(path).append(query).append(" HTTP/1.1\r\n")
                .append("Host: ").append(target.hostHeader()).append("\r\n")
                .append("User-Agent: ").append(USER_AGENT).append("\r\n")
                .append("Accept: */*\r\n")
                .append("Accept-Encoding: gzip\r\n")
                .append("Connection: close\r\n");
        String userInfo = requested.getRawUserInfo();
        if (userInfo != null && sameOrigin(requested, uri)) {
            String decoded = java.net.URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
            request.append("Authorization: Basic ")
                    .append(Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        request.append("\r\n");
        for (int i = 0; i < request.length(); i++) {
            if (request.charAt(i) > 126) {
                throw new OutboundRefusedException(SafeUri.of(uri) + " has a non-ASCII character in its host or path");
            }
        }
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static URI redirectTarget(URI current, ResponseHead head, String shown) throws IOException {
        String location = head.first("location").orElseThrow(() -> new DownloadFailedException(shown
                + " answered HTTP " + head.status() + " without a Location"));
        try {
            URI next = current.resolve(new URI(location));
            if (next.getScheme() == null) {
                throw new URISyntaxException(location, "no scheme");
            }
            return next;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new DownloadFailedException(shown + " redirected to '" + ResponseHead.printable(
                    SafeUri.ofText(location), 200) + "', which is not a URL");
        }
    }

    static InputStream body(InputStream in, ResponseHead head, FetchLimits limits, String shown, URI uri)
            throws IOException {
        InputStream framed = framed(in, head, limits, shown);
        InputStream received = new BufferedInputStream(new ByteBudget(framed, limits.maxBytes(), "bytes", shown), 8192);
        String encoding = head.first("content-encoding").map(e -> e.strip().toLowerCase(Locale.ROOT)).orElse("identity");
        boolean compressed = !encoding.equals("identity") && !encoding.isEmpty();
        InputStream decoded = switch (encoding) {
            case "identity", "" -> received;
            case "gzip", "x-gzip" -> gunzip(received, shown);
            default -> throw new DownloadFailedException(shown + " sent Content-Encoding '"
                    + ResponseHead.printable(encoding, 40) + "', which cannot be decoded (only gzip is accepted)");
        };
        // A .gz file served as it is (no Content-Encoding), or gzip inside the transfer's gzip.
        BufferedInputStream peek = new BufferedInputStream(decoded, 8192);
        if (startsWithGzipMagic(peek, shown)) {
            decoded = gunzip(peek, shown);
            compressed = true;
        } else {
            decoded = peek;
        }
        LOG.debug("{} ({}): {}{}", shown, uri.getPath(), head.first("content-type").orElse("no content type"),
                compressed ? ", gzip" : "");
        return new ByteBudget(decoded, limits.maxBytes(), compressed ? "bytes after gzip decoding" : "bytes", shown);
    }

    private static InputStream framed(InputStream in, ResponseHead head, FetchLimits limits, String shown)
            throws IOException {
        Optional<String> transfer = head.first("transfer-encoding");
        if (transfer.isPresent()) {
            String last = transfer.get().toLowerCase(Locale.ROOT);
            if (last.strip().endsWith("chunked")) {
                return new ChunkedInputStream(in, shown);
            }
            return in; // read to the end of the connection
        }
        List<String> lengths = head.all("content-length");
        if (lengths.isEmpty()) {
            return in;
        }
        long length;
        try {
            length = Long.parseLong(lengths.getFirst().strip());
        } catch (NumberFormatException e) {
            throw new DownloadFailedException(shown + " sent the Content-Length '"
                    + ResponseHead.printable(lengths.getFirst(), 40) + "', which is not a number");
        }
        if (length < 0 || lengths.stream().anyMatch(l -> !l.strip().equals(lengths.getFirst().strip()))) {
            throw new DownloadFailedException(shown + " sent an invalid or conflicting Content-Length " + lengths);
        }
        if (length > limits.maxBytes()) {
            throw new DownloadFailedException(shown + " is larger than the limit of " + limits.maxBytes()
                    + " bytes (Content-Length " + length + ")");
        }
        return new LengthInputStream(in, length, shown);
    }

    private static InputStream gunzip(InputStream in, String shown) throws IOException {
        try {
            return new GZIPInputStream(in, 8192);
        } catch (DownloadFailedException e) {
            throw e;
        } catch (IOException e) {
            throw new DownloadFailedException(shown + ": the body is declared or looks gzip-compressed but is not "
                    + "valid gzip (" + e.getMessage() + ")", e);
        }
    }

    private static boolean startsWithGzipMagic(BufferedInputStream in, String shown) throws IOException {
        try {
            in.mark(2);
            int b1 = in.read();
            int b2 = b1 < 0 ? -1 : in.read();
            in.reset();
            return b1 == 0x1f && b2 == 0x8b;
        } catch (DownloadFailedException | OutboundRefusedException precise) {
            throw precise;
        } catch (IOException e) {
            throw new DownloadFailedException(shown + ": the gzip-compressed body is corrupt (" + e.getMessage() + ")", e);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && String.valueOf(a.getHost()).equalsIgnoreCase(b.getHost())
                && a.getPort() == b.getPort();
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }
}
