package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The "Bad input" list against a real server: each bad request gets its precise status, never reaches the
 * gate or the catalog when it cannot be served, and a well-behaved viewer playing meanwhile is not affected. The
 * viewer plays its own channel with its own token, so the counters of the attacked channel and tokens are exact.
 */
class BadInputTest {

    private static final String MEDIA = "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-MEDIA-SEQUENCE:1200\n#EXTINF:4.0,\n1200.ts\n";
    /** Abandoned connections opened at once; the 10,000 with -Ddelivery.abandonedConnections=10000. */
    private static final int ABANDONED = Integer.getInteger("delivery.abandonedConnections", 2_000);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    static Path dir;

    private static final InMemoryCatalog catalog = new InMemoryCatalog();
    private static final TestGate gate = new TestGate();
    private static InMemoryCatalog.Channel news;
    private static String viewerToken;
    private static String token;
    private static byte[] segment;
    private static DeliveryServer server;
    private static int port;
    private WellBehavedViewer viewer;

    @BeforeAll
    static void start() throws IOException {
        segment = new byte[300_000];
        new Random(3).nextBytes(segment);
        byte[] huge = new byte[32 * 1024 * 1024]; // more than any socket buffer: a client that never reads stalls it
        news = catalog.add("news-hd").playlists("#EXTM3U\nmedia.m3u8\n", MEDIA);
        news.segments.put(1200L, new SegmentFile(Files.write(dir.resolve("1200.ts"), segment), segment.length));
        news.segments.put(1201L, new SegmentFile(Files.write(dir.resolve("1201.ts"), huge), huge.length));
        catalog.add("calm").playlists("#EXTM3U\nmedia.m3u8\n", MEDIA).segments
                .put(1200L, new SegmentFile(dir.resolve("1200.ts"), segment.length));
        catalog.add("ch1").playlists("#EXTM3U\n", "#EXTM3U\n#ch1\n");
        catalog.add("ch10").playlists("#EXTM3U\n", "#EXTM3U\n#ch10\n");
        viewerToken = TestGate.newToken();
        gate.grant(viewerToken, "calm");
        token = TestGate.newToken();
        gate.grant(token, "news-hd");
        server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(2).withIdleTimeout(IDLE_TIMEOUT),
                catalog, gate, () -> "");
        port = server.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void play() {
        viewer = new WellBehavedViewer(port, "/s/" + viewerToken + "/live/calm", MEDIA, 1200, segment);
        viewer.assertUnaffected();
    }

    @AfterEach
    void stopPlaying() throws InterruptedException {
        viewer.close();
    }

    private static int status(String rawTarget) throws IOException {
        return RawHttp.status(RawHttp.get(port, rawTarget));
    }

    private static String media(String anyToken, String channel) {
        return "/s/" + anyToken + "/live/" + channel + "/media.m3u8";
    }

    /** Tokens that cannot be tokens: refused by the path grammar, the gate is never asked. */
    @ParameterizedTest
    @ValueSource(strings = {"", "ZZZZ", "0123456789ABCDEF", "0123456789abcdeg", "deadbeef%20", "..",
            "%2e%2e", "..%252f", "dead%2fbeef", "deadbeef;x=1", "dead.beef", "dead_beef", "0x1f"})
    void nonHexOrEmptyTokensAre403WithoutAskingTheGate(String bad) throws Exception {
        int checks = gate.checksExcept(viewerToken);
        int lookups = catalog.lookupsExcept("calm");
        long malformed = server.stats().malformedTokens();

        assertThat(status(media(bad, "news-hd"))).isEqualTo(403);
        assertThat(status("/s/" + bad + "/live/news-hd/1200.ts")).isEqualTo(403);
        assertThat(status("/s/" + bad + "/live/news-hd.ts")).isEqualTo(403);

        assertThat(server.stats().malformedTokens()).as("counted for the metrics").isEqualTo(malformed + 3);
        assertThat(gate.checksExcept(viewerToken)).isEqualTo(checks);
        assertThat(catalog.lookupsExcept("calm")).isEqualTo(lookups);
        viewer.assertUnaffected();
    }

    @Test
    void tamperedAndTruncatedTokensAre403() throws Exception {
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == '0' ? '1' : '0');
        String flippedSid = (token.charAt(0) == 'a' ? "b" : "a") + token.substring(1);
        int lookups = catalog.lookupsExcept("calm");

        assertThat(status(media(tampered, "news-hd"))).isEqualTo(403);
        assertThat(status(media(flippedSid, "news-hd"))).isEqualTo(403);
        assertThat(status(media(token.substring(0, token.length() - 1), "news-hd"))).isEqualTo(403);
        assertThat(status(media(token.substring(0, 32), "news-hd"))).isEqualTo(403);
        assertThat(status(media(token + "0", "news-hd"))).isEqualTo(403);
        assertThat(status(media(token + "-" + token, "news-hd"))).isEqualTo(403);
        assertThat(status(media(token, "news-hd"))).as("the real token still works").isEqualTo(200);

        assertThat(catalog.lookupsExcept("calm")).as("only the real token reached the catalog").isEqualTo(lookups + 1);
        viewer.assertUnaffected();
    }

    @Test
    void tenKilobyteTokenIs414FromTheRequestLineLimitAndARawSpace400() throws Exception {
        int checks = gate.checksExcept(viewerToken);

        assertThat(status(media("a".repeat(10 * 1024), "news-hd"))).isEqualTo(414);
        assertThat(status(media("a".repeat(129), "news-hd"))).as("too long for a token, short enough for the line")
                .isEqualTo(403);
        assertThat(status(media("dead beef", "news-hd"))).as("a raw space breaks the request line itself")
                .isEqualTo(400);

        assertThat(gate.checksExcept(viewerToken)).isEqualTo(checks);
        viewer.assertUnaffected();
    }

    @Test
    void expiredEndedAndOtherSubscribersTokensAre403() throws Exception {
        String expired = TestGate.newToken();
        gate.expire(expired, "news-hd");
        String ended = TestGate.newToken();
        gate.grant(ended, "news-hd").end();
        String otherChannel = TestGate.newToken();
        gate.grant(otherChannel, "ch1");
        String otherSubscribersDevice = TestGate.newToken(); // bound to the address the other subscriber opened it from
        gate.grantBoundTo(otherSubscribersDevice, "news-hd", InetAddress.getByName("198.51.100.7"));

        assertThat(status(media(expired, "news-hd"))).isEqualTo(403);
        assertThat(status(media(ended, "news-hd"))).isEqualTo(403);
        assertThat(status("/s/" + ended + "/live/news-hd.ts")).isEqualTo(403);
        assertThat(status(media(otherChannel, "news-hd"))).isEqualTo(403);
        assertThat(status("/s/" + otherChannel + "/live/news-hd/1200.ts")).isEqualTo(403);
        assertThat(status(media(otherSubscribersDevice, "news-hd"))).isEqualTo(403);
        viewer.assertUnaffected();
    }

    @Test
    void aScopeIsComparedWholeSoCh1NeverOpensCh10() throws Exception {
        String ch1 = TestGate.newToken();
        gate.grant(ch1, "ch1");
        String ch10 = TestGate.newToken();
        gate.grant(ch10, "ch10");

        assertThat(status(media(ch1, "ch10"))).isEqualTo(403);
        assertThat(status(media(ch10, "ch1"))).isEqualTo(403);
        assertThat(status("/s/" + ch1 + "/live/ch10.ts")).isEqualTo(403);
        assertThat(RawHttp.get(port, media(ch1, "ch1"))).endsWith("#ch1\n");
        assertThat(RawHttp.get(port, media(ch10, "ch10"))).endsWith("#ch10\n");
        viewer.assertUnaffected();
    }

    /** Traversal in every segment of the path: token, "live", channel, leaf; raw, encoded, double-encoded. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/s/../live/news-hd/1200.ts", "/s/%2e%2e/live/news-hd/1200.ts", "/s/..%252f/live/news-hd/1200.ts",
            "/s/TOKEN/../news-hd/1200.ts", "/s/TOKEN/%2e%2e/live/news-hd/1200.ts", "/s/TOKEN/..%252f/live/news-hd/1200.ts",
            "/s/TOKEN/live/../1200.ts", "/s/TOKEN/live/%2e%2e/1200.ts", "/s/TOKEN/live/..%252f/1200.ts",
            "/s/TOKEN/live/news-hd/../../../etc/passwd", "/s/TOKEN/live/news-hd/%2e%2e.ts",
            "/s/TOKEN/live/news-hd/..%252f1200.ts", "/s/TOKEN/live/news-hd/..%2f..%2f1200.ts",
            "/s/TOKEN%2f..%2f/live/news-hd/1200.ts", "/s/TOKEN/live%2f..%2f/news-hd/1200.ts",
            "/s/TOKEN/live/news-hd%2f..%2fch1/1200.ts", "/s/TOKEN/live/..%5c..%5c/1200.ts",
            "/s/TOKEN/live/news-hd/1200.ts/..", "/s/TOKEN/live/news-hd/./1200.ts", "/s/./TOKEN/live/news-hd/1200.ts",
            "/s/TOKEN/archive/../live/news-hd/1200.ts", "/s/TOKEN/archive/news-hd/1-60/../../../etc/passwd",
            "/s/TOKEN/archive/news-hd/1-60/..%2f1200.ts", "/s/TOKEN/archive/%2e%2e/1-60.ts",
            "/s/TOKEN/archive/news-hd/..%2f..%2f1-60.ts", "/s/TOKEN/movie/..%2f..%2fetc%2fpasswd.mp4",
            "/s/TOKEN/movie/%2e%2e.mp4", "/s/TOKEN/movie/../../etc/passwd", "/s/TOKEN/episode/..%252f.mkv",
            "/s/TOKEN/episode/.htaccess.mp4", "/s/TOKEN/movie/a%00.mp4", "/s/TOKEN/movie/a.mp4%2f..%2f"})
    void traversalInEverySegmentNeverReachesALookup(String template) throws Exception {
        String path = template.replace("TOKEN", token);
        int checks = gate.checksExcept(viewerToken);
        int lookups = catalog.lookupsExcept("calm");
        int segmentLookups = news.segmentLookups.get();

        int status = status(path);

        assertThat(status).isIn(400, 403, 404);
        assertThat(gate.checksExcept(viewerToken)).isEqualTo(checks);
        assertThat(catalog.lookupsExcept("calm")).isEqualTo(lookups);
        assertThat(news.segmentLookups.get()).isEqualTo(segmentLookups);
        viewer.assertUnaffected();
    }

    @Test
    void oversizedHeadersAre431() throws Exception {
        int checks = gate.checksExcept(viewerToken);

        String answer = RawHttp.exchange(port, "GET " + media(token, "news-hd") + " HTTP/1.1\r\nHost: x\r\n"
                + "X-Forwarded-For: " + "1.2.3.4, ".repeat(1200) + "\r\nConnection: close\r\n\r\n");
        String many = RawHttp.exchange(port, "GET " + media(token, "news-hd") + " HTTP/1.1\r\nHost: x\r\n"
                + "X-A: b\r\n".repeat(1500) + "Connection: close\r\n\r\n");

        assertThat(RawHttp.status(answer)).isEqualTo(431);
        assertThat(RawHttp.status(many)).isEqualTo(431);
        assertThat(gate.checksExcept(viewerToken)).isEqualTo(checks);
        viewer.assertUnaffected();
    }

    /**
     * Connections opened and abandoned (nothing sent, half a request line, a whole request then silence): the idle
     * timeout closes every one, and the viewer is served throughout. 2,000 here to stay quick; the 10,000 with
     * {@code -Ddelivery.abandonedConnections=10000} (mind {@code ulimit -n}: two descriptors each in one JVM).
     */
    @Test
    void abandonedConnectionsAreClosedByTheIdleTimeout() throws Exception {
        long before = server.stats().connections();
        List<Socket> sockets = new ArrayList<>(ABANDONED);
        try {
            for (int i = 0; i < ABANDONED; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                OutputStream out = socket.getOutputStream();
                switch (i % 3) {
                    case 0 -> { } // nothing at all
                    case 1 -> out.write("GET /s/".getBytes(StandardCharsets.ISO_8859_1));
                    default -> out.write(("GET " + media(token, "news-hd") + " HTTP/1.1\r\nHost: x\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                }
                sockets.add(socket);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> server.stats().connections() >= before + ABANDONED / 2);
            viewer.assertUnaffected();

            await().atMost(IDLE_TIMEOUT.multipliedBy(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> server.stats().connections() <= before + 2);
            for (Socket socket : sockets) {
                socket.setSoTimeout(10_000);
                assertThat(drainToEnd(socket.getInputStream())).as("closed by the server").isTrue();
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        viewer.assertUnaffected();
    }

    /** A client that asks for a large segment and never reads: the stalled write times out, nobody else waits. */
    @Test
    void aClientThatNeverReadsIsClosedByTheTimeout() throws Exception {
        long before = server.stats().connections();
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            slow.getOutputStream().write(("GET /s/" + token + "/live/news-hd/1201.ts HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connections() > before);
            viewer.assertUnaffected();

            await().atMost(IDLE_TIMEOUT.multipliedBy(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> server.stats().connections() <= before);
            slow.setSoTimeout(10_000);
            long received = countToEnd(slow.getInputStream());
            assertThat(received).as("cut off long before the 32 MiB body").isLessThan(32L * 1024 * 1024);
        }
        viewer.assertUnaffected();
    }

    private static boolean drainToEnd(InputStream in) throws IOException {
        return countToEnd(in) >= 0;
    }

    /** @return bytes read until end of stream, or until the server reset the connection */
    private static long countToEnd(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        } catch (SocketException reset) {
            return total; // "Connection reset": closed by the server with unread data, just as good
        }
        return total;
    }
}
