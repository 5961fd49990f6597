package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.testkit.Ffmpeg;
import headwater.testkit.Ffprobe;
import headwater.testkit.ProbedMedia;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Films and episodes through a real server: a local file with byte ranges, HEAD, 416 and If-Range; a remote one
 * proxied with its ranges, without following redirects, within timeouts; both played (and seeked: the mp4's index is
 * at its end) by ffprobe.
 */
class VodServerTest {

    @TempDir
    static Path dir;

    private static final FakeVod vod = new FakeVod();
    private static final TestGate gate = new TestGate();
    private static final List<String> upstreamRanges = new CopyOnWriteArrayList<>();
    private static final List<String> upstreamHosts = new CopyOnWriteArrayList<>();
    private static Path film;
    private static byte[] bytes;
    private static Vertx upstreamVertx;
    private static int upstreamPort;
    private static DeliveryServer server;
    private static int port;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        film = dir.resolve("film.mp4");
        Ffmpeg.require().run("-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "4", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-threads", "1", "-c:a", "aac", "-b:a", "64k",
                film.toString());
        bytes = Files.readAllBytes(film);
        upstreamVertx = Vertx.vertx();
        HttpServer upstream = upstreamVertx.createHttpServer().requestHandler(VodServerTest::upstream);
        upstreamPort = upstream.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).actualPort();
        String base = "http://127.0.0.1:" + upstreamPort;
        vod.files.put("movie/local", new VodFile.Local(film, "video/mp4"));
        vod.files.put("episode/local", new VodFile.Local(film, "video/mp4"));
        vod.files.put("movie/missing", new VodFile.Local(dir.resolve("missing.mkv"), "video/x-matroska"));
        vod.files.put("movie/remote", new VodFile.Remote(URI.create(base + "/media/film.mp4"), "video/mp4"));
        vod.files.put("movie/pinned", new VodFile.Remote(URI.create("http://vod.invalid:" + upstreamPort
                + "/media/film.mp4"), "video/mp4", InetAddress.getLoopbackAddress()));
        vod.files.put("movie/redirect", new VodFile.Remote(URI.create(base + "/redirect"), "video/mp4"));
        vod.files.put("movie/slow", new VodFile.Remote(URI.create(base + "/slow"), "video/mp4"));
        vod.files.put("movie/gone", new VodFile.Remote(URI.create(base + "/gone"), "video/mp4"));
        server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(2), new InMemoryCatalog(), gate, () -> "")
                .vod(vod).upstreamTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));
        port = server.start("127.0.0.1", 0);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** An upstream that honours one byte range, redirects, stalls or is gone, by path. */
    private static void upstream(HttpServerRequest request) {
        upstreamHosts.add(String.valueOf(request.getHeader("Host")));
        switch (request.path()) {
            case "/media/film.mp4" -> {
                String header = request.getHeader("Range");
                upstreamRanges.add(String.valueOf(header));
                var response = request.response().putHeader("Content-Type", "application/octet-stream")
                        .putHeader("Accept-Ranges", "bytes").putHeader("ETag", "\"v1\"");
                switch (ByteRange.of(header, bytes.length)) {
                    case ByteRange.Partial p -> response.setStatusCode(206)
                            .putHeader("Content-Range", "bytes " + p.first() + "-" + p.last() + "/" + bytes.length)
                            .end(io.vertx.core.buffer.Buffer.buffer(
                                    Arrays.copyOfRange(bytes, (int) p.first(), (int) p.last() + 1)));
                    case ByteRange.Unsatisfiable u -> response.setStatusCode(416)
                            .putHeader("Content-Range", "bytes */" + bytes.length).end();
                    case ByteRange.Whole w -> response.end(io.vertx.core.buffer.Buffer.buffer(bytes));
                }
            }
            case "/redirect" -> request.response().setStatusCode(302)
                    .putHeader("Location", "http://169.254.169.254/latest/meta-data/").end();
            case "/slow" -> { } // never answers
            default -> request.response().setStatusCode(404).end("no such file");
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
        upstreamVertx.close();
    }

    private static String url(String token, String rest) {
        return "http://127.0.0.1:" + port + "/s/" + token + "/" + rest;
    }

    private static HttpResponse<byte[]> send(String method, String token, String rest, String... headers)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(token, rest)))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(String token, String rest, String... headers) throws Exception {
        return send("GET", token, rest, headers);
    }

    private static String granted(String scope) {
        String token = TestGate.newToken();
        gate.grantScope(token, scope, scope.substring(scope.indexOf('/') + 1));
        return token;
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aLocalFileIsServedWholeWithItsTypeAndRangesAnnounced() throws Exception {
        String token = TestGate.newToken();
        TestViewer viewer = gate.grantScope(token, "movie/local", "local");

        HttpResponse<byte[]> whole = get(token, "movie/local.mp4");

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(bytes);
        assertThat(header(whole, "Content-Type")).isEqualTo("video/mp4");
        assertThat(header(whole, "Accept-Ranges")).isEqualTo("bytes");
        assertThat(header(whole, "Content-Length")).isEqualTo(Integer.toString(bytes.length));
        assertThat(header(whole, "ETag")).startsWith("\"");
        assertThat(header(whole, "Last-Modified")).endsWith("GMT");
        assertThat(header(whole, "Access-Control-Allow-Origin")).isEqualTo("*");
        await().atMost(Duration.ofSeconds(10)).until(() -> viewer.bytes() == bytes.length);
    }

    @Test
    void oneByteRangeIs206WithContentRange() throws Exception {
        String token = granted("movie/local");

        HttpResponse<byte[]> middle = get(token, "movie/local.mp4", "Range", "bytes=100-199");
        HttpResponse<byte[]> suffix = get(token, "movie/local.mp4", "Range", "bytes=-50");
        HttpResponse<byte[]> open = get(token, "movie/local.mkv", "Range", "bytes=1000-");

        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(header(middle, "Content-Range")).isEqualTo("bytes 100-199/" + bytes.length);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(bytes, 100, 200));
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 50, bytes.length));
        assertThat(open.statusCode()).as("the extension is the player's business").isEqualTo(206);
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(bytes, 1000, bytes.length));
    }

    @Test
    void aRangePastTheEndIs416WithTheSize() throws Exception {
        String token = granted("movie/local");

        HttpResponse<byte[]> past = get(token, "movie/local.mp4", "Range", "bytes=" + bytes.length + "-");

        assertThat(past.statusCode()).isEqualTo(416);
        assertThat(header(past, "Content-Range")).isEqualTo("bytes */" + bytes.length);
    }

    @Test
    void headSendsTheHeadersOnly() throws Exception {
        String token = granted("episode/local");

        HttpResponse<byte[]> head = send("HEAD", token, "episode/local.mp4");
        HttpResponse<byte[]> headRange = send("HEAD", token, "episode/local.mp4", "Range", "bytes=0-9");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "Content-Length")).isEqualTo(Integer.toString(bytes.length));
        assertThat(header(head, "Accept-Ranges")).isEqualTo("bytes");
        assertThat(headRange.statusCode()).isEqualTo(206);
        assertThat(header(headRange, "Content-Range")).isEqualTo("bytes 0-9/" + bytes.length);
    }

    @Test
    void ifRangeKeepsTheRangeOnlyWhileTheFileIsTheSame() throws Exception {
        String token = granted("movie/local");
        String etag = header(get(token, "movie/local.mp4"), "ETag");

        HttpResponse<byte[]> same = get(token, "movie/local.mp4", "Range", "bytes=0-9", "If-Range", etag);
        HttpResponse<byte[]> changed = get(token, "movie/local.mp4", "Range", "bytes=0-9", "If-Range", "\"other\"");

        assertThat(same.statusCode()).isEqualTo(206);
        assertThat(same.body()).hasSize(10);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).hasSize(bytes.length);
    }

    @Test
    void ffprobePlaysAndSeeksTheLocalFile() {
        String token = granted("movie/local");

        ProbedMedia media = Ffprobe.streams(url(token, "movie/local.mp4"));

        assertThat(media.codecNames()).contains("h264", "aac");
        assertThat(media.duration()).isBetween(3.5, 4.5);
    }

    @Test
    void unknownItemsAndMissingFilesAre404WithoutTheirPath() throws Exception {
        HttpResponse<byte[]> unknown = get(granted("movie/nosuch"), "movie/nosuch.mp4");
        HttpResponse<byte[]> missing = get(granted("movie/missing"), "movie/missing.mkv");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(text(unknown)).isEqualTo("no such item: movie/nosuch\n");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(text(missing)).isEqualTo("the media of movie/missing is missing\n").doesNotContain(dir.toString());
    }

    @Test
    void aTokenOpensOnlyItsOwnItem() throws Exception {
        String token = granted("movie/local");
        int lookups = vod.lookups.get();

        assertThat(get(token, "episode/local.mp4").statusCode()).isEqualTo(403);
        assertThat(get(token, "movie/remote.mp4").statusCode()).isEqualTo(403);
        assertThat(get(token, "movie/localx.mp4").statusCode()).isEqualTo(403);
        assertThat(vod.lookups.get()).as("refused before any lookup").isEqualTo(lookups);
    }

    @Test
    void aRemoteFileIsProxiedWithTheClientsRange() throws Exception {
        String token = TestGate.newToken();
        TestViewer viewer = gate.grantScope(token, "movie/remote", "remote");

        HttpResponse<byte[]> whole = get(token, "movie/remote.mp4");
        HttpResponse<byte[]> range = get(token, "movie/remote.mp4", "Range", "bytes=10-19");
        HttpResponse<byte[]> past = get(token, "movie/remote.mp4", "Range", "bytes=" + bytes.length + "-");
        HttpResponse<byte[]> head = send("HEAD", token, "movie/remote.mp4");

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(bytes);
        assertThat(header(whole, "Content-Type")).as("the catalogue's type").isEqualTo("video/mp4");
        assertThat(header(whole, "ETag")).isEqualTo("\"v1\"");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(header(range, "Content-Range")).isEqualTo("bytes 10-19/" + bytes.length);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(bytes, 10, 20));
        assertThat(upstreamRanges).contains("bytes=10-19");
        assertThat(past.statusCode()).isEqualTo(416);
        assertThat(header(past, "Content-Range")).isEqualTo("bytes */" + bytes.length);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> viewer.bytes() == bytes.length + 10);
    }

    @Test
    void ffprobePlaysAndSeeksTheRemoteFileThroughTheProxy() {
        String token = granted("movie/remote");

        ProbedMedia media = Ffprobe.streams(url(token, "movie/remote.mp4"));

        assertThat(media.codecNames()).contains("h264", "aac");
        assertThat(media.duration()).isBetween(3.5, 4.5);
    }

    @Test
    void theProxyConnectsToTheCheckedAddressAndSendsTheUrlsHost() throws Exception {
        HttpResponse<byte[]> pinned = get(granted("movie/pinned"), "movie/pinned.mp4", "Range", "bytes=0-3");

        assertThat(pinned.statusCode()).isEqualTo(206);
        assertThat(pinned.body()).isEqualTo(Arrays.copyOfRange(bytes, 0, 4));
        assertThat(upstreamHosts).contains("vod.invalid:" + upstreamPort);
    }

    @Test
    void aRedirectIsNeverFollowedAndAnUpstreamErrorIs502() throws Exception {
        int before = upstreamHosts.size();

        HttpResponse<byte[]> redirect = get(granted("movie/redirect"), "movie/redirect.mp4");
        HttpResponse<byte[]> gone = get(granted("movie/gone"), "movie/gone.mp4");

        assertThat(redirect.statusCode()).isEqualTo(502);
        assertThat(header(redirect, "Location")).isNull();
        assertThat(text(redirect)).doesNotContain("169.254");
        assertThat(gone.statusCode()).isEqualTo(502);
        assertThat(upstreamHosts).hasSize(before + 2);
    }

    @Test
    void anUpstreamThatDoesNotAnswerIs504() throws Exception {
        HttpResponse<byte[]> slow = get(granted("movie/slow"), "movie/slow.mp4");

        assertThat(slow.statusCode()).isEqualTo(504);
        assertThat(text(slow)).isEqualTo("the media of movie/slow did not answer in time upstream\n");
    }
}
