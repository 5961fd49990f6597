package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** Every route of a real server on an ephemeral loopback port, through java.net.http and raw sockets. */
class DeliveryServerTest {

    private static final String MULTIVARIANT = """
            #EXTM3U
            #EXT-X-STREAM-INF:BANDWIDTH=5500000,CODECS="avc1.64001f,mp4a.40.2",RESOLUTION=1280x720
            media.m3u8
            """;
    private static final String MEDIA = """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:4
            #EXT-X-MEDIA-SEQUENCE:1200
            #EXTINF:4.000,
            1200.ts
            """;
    private static final int SEGMENT_SIZE = 10_000;

    /** Tokens as the test gate grants them: each opens one channel's scope. */
    private static final String NEWS_TOKEN = "0123456789abcdef0123456789abcdef-6a1b2c3d-1-00112233445566778899aabbccddeeff";
    private static final String STARTING_TOKEN = "1123456789abcdef0123456789abcdef-6a1b2c3d-1-00112233445566778899aabbccddeeff";
    private static final String NOSUCH_TOKEN = "2123456789abcdef0123456789abcdef-6a1b2c3d-1-00112233445566778899aabbccddeeff";
    private static final String NEWS = "/s/" + NEWS_TOKEN + "/live/news-hd";
    private static final String STARTING = "/s/" + STARTING_TOKEN + "/live/starting";
    private static final String NOSUCH = "/s/" + NOSUCH_TOKEN + "/live/nosuch";

    @TempDir
    static Path dir;

    private static final InMemoryCatalog catalog = new InMemoryCatalog();
    private static final TestGate gate = new TestGate();
    private static TestViewer newsViewer;
    private static InMemoryCatalog.Channel news;
    private static byte[] segmentBytes;
    private static DeliveryServer server;
    private static int port;
    private static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        segmentBytes = new byte[SEGMENT_SIZE];
        new Random(42).nextBytes(segmentBytes);
        Path segment = Files.write(dir.resolve("1200.ts"), segmentBytes);
        Path vanishing = dir.resolve("1201.ts"); // listed by the catalog but never written: deleted meanwhile
        news = catalog.add("news-hd").playlists(MULTIVARIANT, MEDIA);
        news.segments.put(1200L, new SegmentFile(segment, SEGMENT_SIZE));
        news.segments.put(1201L, new SegmentFile(vanishing, SEGMENT_SIZE));
        news.segments.put(1100L, new SegmentLookup.Gone("segment 1100 of channel news-hd is gone: window is 1200..1233"));
        catalog.add("starting");
        newsViewer = gate.grant(NEWS_TOKEN, "news-hd");
        gate.grant(STARTING_TOKEN, "starting");
        gate.grant(NOSUCH_TOKEN, "nosuch");
        server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(2), catalog, gate,
                () -> "# TYPE headwater_up gauge\nheadwater_up 1\n");
        port = server.start("127.0.0.1", 0);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static void assertCors(HttpResponse<?> response) {
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(header(response, "Access-Control-Expose-Headers")).isEqualTo("Content-Length, Content-Range");
        assertThat(header(response, "Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void runsOnTheNativeTransportWhereEpollIsAvailable() {
        assertThat(server.nativeTransport()).isEqualTo(io.netty.channel.epoll.Epoll.isAvailable());
    }

    /** A corked segment send is uncorked when it completes: the playlist after it on the same connection is whole. */
    @Test
    void segmentsAndPlaylistsAlternateOnOneKeepAliveConnection() throws Exception {
        for (int i = 0; i < 20; i++) {
            HttpResponse<byte[]> segment = send("GET", NEWS + "/1200.ts");
            HttpResponse<byte[]> playlist = send("GET", NEWS + "/media.m3u8");

            assertThat(segment.statusCode()).isEqualTo(200);
            assertThat(segment.body()).isEqualTo(segmentBytes);
            assertThat(playlist.statusCode()).isEqualTo(200);
            assertThat(text(playlist)).isEqualTo(MEDIA);
        }
    }

    @Test
    void servesMultivariantPlaylist() throws Exception {
        HttpResponse<byte[]> response = send("GET", NEWS + "/index.m3u8");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).isEqualTo(MULTIVARIANT);
        assertThat(header(response, "Content-Type")).isEqualTo("application/vnd.apple.mpegurl");
        assertThat(header(response, "Cache-Control")).isEqualTo("no-cache");
        assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(MULTIVARIANT.length()));
        assertCors(response);
    }

    @Test
    void servesMediaPlaylist() throws Exception {
        HttpResponse<byte[]> response = send("GET", NEWS + "/media.m3u8");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).isEqualTo(MEDIA);
        assertThat(header(response, "Content-Type")).isEqualTo("application/vnd.apple.mpegurl");
        assertThat(header(response, "Cache-Control")).isEqualTo("no-cache");
        assertCors(response);
    }

    @Test
    void headOfPlaylistHasLengthButNoBody() throws Exception {
        HttpResponse<byte[]> response = send("HEAD", NEWS + "/media.m3u8");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(MEDIA.length()));
        assertThat(header(response, "Content-Type")).isEqualTo("application/vnd.apple.mpegurl");
    }

    @Test
    void playlistNotReadyIs503WithRetryAfter() throws Exception {
        HttpResponse<byte[]> multivariant = send("GET", STARTING + "/index.m3u8");
        HttpResponse<byte[]> media = send("GET", STARTING + "/media.m3u8");

        assertThat(multivariant.statusCode()).isEqualTo(503);
        assertThat(header(multivariant, "Retry-After")).isEqualTo("1");
        assertThat(text(multivariant)).isEqualTo("no multivariant yet\n");
        assertThat(media.statusCode()).isEqualTo(503);
        assertThat(header(media, "Retry-After")).isEqualTo("1");
        assertThat(header(media, "Cache-Control")).isEqualTo("no-store");
        assertThat(text(media)).isEqualTo("no segment yet\n");
        assertCors(media);
    }

    @Test
    void unknownChannelIs404() throws Exception {
        HttpResponse<byte[]> playlist = send("GET", NOSUCH + "/index.m3u8");
        HttpResponse<byte[]> segment = send("GET", NOSUCH + "/1.ts");
        HttpResponse<byte[]> stream = send("GET", NOSUCH + ".ts");

        assertThat(playlist.statusCode()).isEqualTo(404);
        assertThat(text(playlist)).isEqualTo("unknown channel nosuch\n");
        assertThat(segment.statusCode()).isEqualTo(404);
        assertThat(stream.statusCode()).isEqualTo(404);
    }

    @Test
    void servesWholeSegment() throws Exception {
        HttpResponse<byte[]> response = send("GET", NEWS + "/1200.ts");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(segmentBytes);
        assertThat(header(response, "Content-Type")).isEqualTo("video/mp2t");
        assertThat(header(response, "Cache-Control")).isEqualTo("private, max-age=31536000, immutable");
        assertThat(header(response, "Accept-Ranges")).isEqualTo("bytes");
        assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(SEGMENT_SIZE));
        assertThat(header(response, "Content-Range")).isNull();
        assertCors(response);
    }

    @Test
    void headOfSegmentHasLengthButNoBody() throws Exception {
        HttpResponse<byte[]> response = send("HEAD", NEWS + "/1200.ts");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(SEGMENT_SIZE));
        assertThat(header(response, "Accept-Ranges")).isEqualTo("bytes");
        assertThat(header(response, "Content-Type")).isEqualTo("video/mp2t");
    }

    @Test
    void servesFirstBytes() throws Exception {
        HttpResponse<byte[]> response = send("GET", NEWS + "/1200.ts", "Range", "bytes=0-99");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(header(response, "Content-Range")).isEqualTo("bytes 0-99/" + SEGMENT_SIZE);
        assertThat(header(response, "Content-Length")).isEqualTo("100");
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(segmentBytes, 0, 100));
    }

    @Test
    void servesSuffixRange() throws Exception {
        HttpResponse<byte[]> response = send("GET", NEWS + "/1200.ts", "Range", "bytes=-500");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(header(response, "Content-Range"))
                .isEqualTo("bytes " + (SEGMENT_SIZE - 500) + "-" + (SEGMENT_SIZE - 1) + "/" + SEGMENT_SIZE);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(segmentBytes, SEGMENT_SIZE - 500, SEGMENT_SIZE));
    }

    @Test
    void servesOpenEndedRange() throws Exception {
        HttpResponse<byte[]> response = send("GET", NEWS + "/1200.ts", "Range", "bytes=9000-");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(header(response, "Content-Range")).isEqualTo("bytes 9000-9999/" + SEGMENT_SIZE);
        assertThat(header(response, "Content-Length")).isEqualTo("1000");
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(segmentBytes, 9000, SEGMENT_SIZE));
    }

    @Test
    void headOfRangeHasRangeHeadersButNoBody() throws Exception {
        HttpResponse<byte[]> response = send("HEAD", NEWS + "/1200.ts", "Range", "bytes=10-19");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(header(response, "Content-Range")).isEqualTo("bytes 10-19/" + SEGMENT_SIZE);
        assertThat(header(response, "Content-Length")).isEqualTo("10");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void ifRangeWithoutOurValidatorsGetsTheWholeSegment() throws Exception {
        HttpResponse<byte[]> response = send("GET", NEWS + "/1200.ts", "Range", "bytes=0-9",
                "If-Range", "\"some-etag\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(segmentBytes);
    }

    @Test
    void keepAliveSurvivesHeadOfTheStreamAndOfASegment() throws Exception {
        String response = RawHttp.exchange(port, "HEAD " + NEWS + ".ts HTTP/1.1\r\nHost: x\r\n\r\n"
                + "HEAD " + NEWS + "/1200.ts HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(response.split("HTTP/1.1 200 OK", -1)).hasSize(4);
        assertThat(response).endsWith("\r\n\r\nok\n");
        assertThat(news.feed.subscribedTotal()).isZero();
    }

    @Test
    void unsatisfiableRangeIs416() throws Exception {
        HttpResponse<byte[]> response = send("GET", NEWS + "/1200.ts", "Range", "bytes=10000-");

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(header(response, "Content-Range")).isEqualTo("bytes */" + SEGMENT_SIZE);
        assertCors(response);
    }

    @Test
    void severalRangesGetTheWholeSegment() throws Exception {
        HttpResponse<byte[]> response = send("GET", NEWS + "/1200.ts", "Range", "bytes=0-1,5-9");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(segmentBytes);
    }

    @Test
    void goneSegmentIs404WithThePreciseMessage() throws Exception {
        HttpResponse<byte[]> response = send("GET", NEWS + "/1100.ts");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(text(response)).isEqualTo("segment 1100 of channel news-hd is gone: window is 1200..1233\n");
        assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
        assertCors(response);
    }

    @Test
    void futureSegmentIs404() throws Exception {
        HttpResponse<byte[]> response = send("GET", NEWS + "/1300.ts");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(text(response)).isEqualTo("segment 1300 is not published yet\n");
    }

    @Test
    void segmentWhoseFileVanishedIs404() throws Exception {
        HttpResponse<byte[]> response = send("GET", NEWS + "/1201.ts");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(text(response)).isEqualTo("segment 1201 of channel news-hd is gone: its file was removed\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {NEWS + "/abc.ts", NEWS + "/-1.ts", NEWS + "/+1.ts",
            NEWS + "/9223372036854775808.ts", NEWS + "/99999999999999999999.ts",
            NEWS + "/007.ts", NEWS + "/.ts", NEWS + "/1e3.ts"})
    void badSequenceIs400(String path) throws Exception {
        int segmentLookups = news.segmentLookups.get();

        HttpResponse<byte[]> response = send("GET", path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(text(response)).startsWith("invalid media sequence");
        assertThat(news.segmentLookups.get()).isEqualTo(segmentLookups);
    }

    @Test
    void largestSequenceIsAccepted() throws Exception {
        HttpResponse<byte[]> response = send("GET", NEWS + "/9223372036854775807.ts");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(text(response)).isEqualTo("segment 9223372036854775807 is not published yet\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/s/" + NEWS_TOKEN + "/live/../etc/passwd", "/s/" + NEWS_TOKEN + "/live/%2e%2e/x/1.ts",
            NEWS + "/..%252f..%252fx.ts", NEWS + "/..%2f..%2fx.ts", NEWS + "%2f..%2f/1.ts",
            "/s/" + NEWS_TOKEN + "/live/..%2fnews-hd/1.ts", "/s/" + NEWS_TOKEN + "/live/./news-hd/1.ts",
            "/s/" + NEWS_TOKEN + "/live/News-HD/index.m3u8", NEWS + "/../news-hd/1200.ts",
            "/s/" + NEWS_TOKEN + "/live/%6eews-hd/1200.ts", NEWS + "/1200.ts%00", NEWS + "/%31200.ts",
            "/s/" + NEWS_TOKEN + "/live//1200.ts", "/s/" + NEWS_TOKEN + "/live/..ts", NEWS + "\\..\\1200.ts",
            "/s/" + NEWS_TOKEN + "/../live/news-hd/1200.ts", "/s/" + NEWS_TOKEN + "/%2e%2e/live/news-hd/1200.ts",
            "/s/" + NEWS_TOKEN + "/li%76e/news-hd/1200.ts", "/s/../s/" + NEWS_TOKEN + "/live/news-hd/1200.ts",
            "/s/%2e%2e/live/news-hd/1200.ts", "/s/..%252f/live/news-hd/1200.ts",
            "/s/" + NEWS_TOKEN + "%2f..%2f/live/news-hd/1200.ts", "/live/news-hd/1200.ts", "/live/../etc/passwd"})
    void traversalAttemptsNeverReachTheGateOrTheCatalog(String rawPath) throws Exception {
        int lookups = catalog.lookups();
        int segmentLookups = news.segmentLookups.get();
        int checks = gate.checks();

        String response = RawHttp.get(port, rawPath);

        assertThat(RawHttp.status(response)).isIn(400, 403, 404);
        assertThat(gate.checks()).isEqualTo(checks);
        assertThat(catalog.lookups()).isEqualTo(lookups);
        assertThat(news.segmentLookups.get()).isEqualTo(segmentLookups);
    }

    @Test
    void dotDotIsPreciselyAnswered() throws Exception {
        assertThat(RawHttp.status(RawHttp.get(port, "/s/" + NEWS_TOKEN + "/live/../etc/passwd"))).isEqualTo(400);
        assertThat(RawHttp.status(RawHttp.get(port, "/s/" + NEWS_TOKEN + "/live/%2e%2e/x/1.ts"))).isEqualTo(400);
        assertThat(RawHttp.status(RawHttp.get(port, NEWS + "/..%252f..%252fx.ts"))).isEqualTo(400);
        assertThat(RawHttp.status(RawHttp.get(port, "/s/../live/news-hd/1200.ts"))).isEqualTo(403);
        assertThat(RawHttp.status(RawHttp.get(port, "/s/%2e%2e/live/news-hd/1200.ts"))).isEqualTo(403);
        assertThat(RawHttp.status(RawHttp.get(port, "/s/" + NEWS_TOKEN + "/../live/news-hd/1200.ts"))).isEqualTo(404);
    }

    @Test
    void oldPathsWithoutATokenAreGone() throws Exception {
        assertThat(send("GET", "/live/news-hd/index.m3u8").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/live/news-hd/1200.ts").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/live/news-hd.ts").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void otherMethodsOnMediaAre405(String method) throws Exception {
        HttpResponse<byte[]> playlist = send(method, NEWS + "/index.m3u8");
        HttpResponse<byte[]> segment = send(method, NEWS + "/1200.ts");

        assertThat(playlist.statusCode()).isEqualTo(405);
        assertThat(header(playlist, "Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(segment.statusCode()).isEqualTo(405);
    }

    @Test
    void otherMethodsOnHealthAndMetricsAre405() throws Exception {
        HttpResponse<byte[]> health = send("POST", "/healthz");
        HttpResponse<byte[]> metrics = send("DELETE", "/metrics");

        assertThat(health.statusCode()).isEqualTo(405);
        assertThat(header(health, "Allow")).isEqualTo("GET, HEAD");
        assertThat(metrics.statusCode()).isEqualTo(405);
    }

    @Test
    void answersCorsPreflight() throws Exception {
        HttpResponse<byte[]> response = send("OPTIONS", NEWS + "/1200.ts",
                "Origin", "https://player.example", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "range");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(header(response, "Access-Control-Allow-Methods")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(header(response, "Access-Control-Allow-Headers")).isEqualTo("Range");
        assertThat(header(response, "Access-Control-Allow-Credentials")).isNull();
        assertThat(response.body()).isEmpty();
    }

    @Test
    void healthz() throws Exception {
        HttpResponse<byte[]> response = send("GET", "/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).isEqualTo("ok\n");
        assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void metricsComeFromTheSupplier() throws Exception {
        HttpResponse<byte[]> response = send("GET", "/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(text(response)).isEqualTo("# TYPE headwater_up gauge\nheadwater_up 1\n");
        assertThat(server.stats().requests()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/live", "/live/", "/s", "/s/", "/s/" + NEWS_TOKEN, "/s/" + NEWS_TOKEN + "/",
            "/s/" + NEWS_TOKEN + "/live", "/s/" + NEWS_TOKEN + "/vod/x/index.m3u8", NEWS + "", NEWS + "/",
            NEWS + "/index.m3u",
            NEWS + "/x/1.ts", "/healthz/", "/metrics.txt", "/etc/passwd"})
    void unknownPathsAre404(String path) throws Exception {
        assertThat(send("GET", path).statusCode()).isEqualTo(404);
    }

    @Test
    void oddRequestTargetsAreAnsweredNotCrashedOn() throws Exception {
        String asterisk = RawHttp.exchange(port, "OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String absolute = RawHttp.exchange(port,
                "GET http://elsewhere.example" + NEWS + "/index.m3u8 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String noSlash = RawHttp.exchange(port, "GET s/" + NEWS_TOKEN + "/live/news-hd/index.m3u8 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(RawHttp.status(asterisk)).isIn(400, 404);
        assertThat(RawHttp.status(absolute)).isEqualTo(200);
        assertThat(absolute).endsWith(MULTIVARIANT);
        assertThat(RawHttp.status(noSlash)).isIn(400, 404);
    }

    @Test
    void oversizedUriIsRejected() throws Exception {
        String response = RawHttp.get(port, NEWS + "/" + "1".repeat(5000) + ".ts");

        assertThat(RawHttp.status(response)).isEqualTo(414);
    }

    @Test
    void oversizedHeadersAreRejected() throws Exception {
        String response = RawHttp.exchange(port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                + "a".repeat(9000) + "\r\nConnection: close\r\n\r\n");

        assertThat(RawHttp.status(response)).isEqualTo(431);
    }

    @Test
    void accessLogMasksTheTokenAndCredentialsInTheQuery() throws Exception {
        Logger accessLogger = (Logger) LoggerFactory.getLogger("headwater.delivery.access");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        accessLogger.addAppender(appender);
        try {
            send("GET", NEWS + "/index.m3u8?token=s3cr3t&password=hunter2&quality=hd");

            await().atMost(Duration.ofSeconds(10)).until(() -> appender.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("index.m3u8")));
            String line = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("index.m3u8")).findFirst().orElseThrow();
            assertThat(line).startsWith("GET /s/***/live/news-hd/index.m3u8?token=***&password=***&quality=hd 200 "
                    + MULTIVARIANT.length() + "B ");
            assertThat(line).doesNotContain("s3cr3t").doesNotContain("hunter2").doesNotContain(NEWS_TOKEN);
        } finally {
            accessLogger.detachAppender(appender);
        }
    }

    @Test
    void accessLogMasksXtreamCredentialsInPathsAndQueries() throws Exception {
        Logger accessLogger = (Logger) LoggerFactory.getLogger("headwater.delivery.access");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        accessLogger.addAppender(appender);
        try {
            send("GET", "/live/alice/hunter2/12.ts");
            send("GET", "/alice/hunter2/12");
            send("GET", "/player_api.php?username=alice&password=hunter2&action=get_live_streams");

            await().atMost(Duration.ofSeconds(10)).until(() -> appender.list.stream()
                    .filter(e -> e.getFormattedMessage().contains(" 404 ")).count() >= 3);
            assertThat(appender.list).map(ILoggingEvent::getFormattedMessage)
                    .noneMatch(line -> line.contains("alice") || line.contains("hunter2"))
                    .anyMatch(line -> line.startsWith("GET /live/***/***/12.ts 404 "))
                    .anyMatch(line -> line.startsWith("GET /***/***/12 404 "))
                    .anyMatch(line -> line.startsWith(
                            "GET /player_api.php?username=***&password=***&action=get_live_streams 404 "));
        } finally {
            accessLogger.detachAppender(appender);
        }
    }
}
