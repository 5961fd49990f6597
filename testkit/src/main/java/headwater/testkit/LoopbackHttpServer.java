package headwater.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny JDK HTTP server on 127.0.0.1 (an ephemeral port) for browser tests: it serves the player page
 * {@value #PLAYER_PATH} and, optionally, the files under one directory (GET and HEAD, no listing, nothing outside the
 * directory). It proxies nothing. It records the paths it was asked for, so a test can see what the player fetched.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    public static final String PLAYER_PATH = "/headwater-player.html";

    /** The smallest page that plays HLS natively: the stream URL comes from the {@code src} query parameter. */
    static final String PLAYER_PAGE = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>headwater test player</title></head>
            <body>
            <video id="player" muted autoplay playsinline width="640"></video>
            <script>
              const video = document.getElementById('player');
              video.muted = true;
              video.src = new URLSearchParams(location.search).get('src');
              video.play().catch(e => { window.headwaterPlayError = String(e); });
            </script>
            </body></html>
            """;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Optional<Path> root;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private LoopbackHttpServer(Optional<Path> root) {
        this.root = root.map(p -> p.toAbsolutePath().normalize());
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on 127.0.0.1", e);
        }
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "loopback-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves only the player page. */
    public static LoopbackHttpServer playerOnly() {
        return new LoopbackHttpServer(Optional.empty());
    }

    /** Serves the player page and the files under {@code directory}. */
    public static LoopbackHttpServer serving(Path directory) {
        return new LoopbackHttpServer(Optional.of(directory));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port><path>}; {@code path} starts with a slash. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** The player page that plays {@code streamUrl} (absolute, or relative to this server). */
    public URI playerPage(String streamUrl) {
        return url(PLAYER_PATH + "?src=" + URLEncoder.encode(streamUrl, StandardCharsets.UTF_8));
    }

    /** Paths requested so far, in arrival order (without query strings). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals(PLAYER_PATH)) {
                send(exchange, 200, "text/html; charset=utf-8", PLAYER_PAGE.getBytes(StandardCharsets.UTF_8));
                return;
            }
            Optional<Path> file = resolve(path);
            if (file.isEmpty()) {
                send(exchange, 404, "text/plain", ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, contentType(file.get()), Files.readAllBytes(file.get()));
        }
    }

    private Optional<Path> resolve(String path) {
        if (root.isEmpty() || path.length() < 2) {
            return Optional.empty();
        }
        Path candidate = root.get().resolve(path.substring(1)).normalize();
        return candidate.startsWith(root.get()) && Files.isRegularFile(candidate) ? Optional.of(candidate)
                : Optional.empty();
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".m3u8")) {
            return "application/vnd.apple.mpegurl";
        } else if (name.endsWith(".ts")) {
            return "video/mp2t";
        } else if (name.endsWith(".mp4")) {
            return "video/mp4";
        } else if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        return "application/octet-stream";
    }
}
