package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server asks the gate first and serves what it decides: the rendition, 403, 503, or later. */
class PlaybackGateTest {

    private static final String HD_MEDIA = "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\n5.ts\n";
    private static final String SD_MEDIA = "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\n5.ts\n#sd\n";

    private static final byte[] HD_KEY = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] SD_KEY = "fedcba9876543210".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @TempDir
    static Path dir;

    private static final InMemoryCatalog channels = new InMemoryCatalog();
    private static final List<String> lookupThreads = new CopyOnWriteArrayList<>();
    private static final TestGate gate = new TestGate();
    private static byte[] sdSegment;
    private static DeliveryServer server;
    private static int port;
    private static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        byte[] hdSegment = new byte[50_000];
        sdSegment = new byte[20_000];
        new Random(1).nextBytes(hdSegment);
        new Random(2).nextBytes(sdSegment);
        channels.add("news-hd").playlists("#EXTM3U\nmedia.m3u8\n", HD_MEDIA).segments
                .put(5L, new SegmentFile(Files.write(dir.resolve("hd-5.ts"), hdSegment), hdSegment.length));
        channels.add("news-sd").playlists("#EXTM3U\nmedia.m3u8\n", SD_MEDIA).segments
                .put(5L, new SegmentFile(Files.write(dir.resolve("sd-5.ts"), sdSegment), sdSegment.length));
        channels.get("news-hd").keys.put("00aa", HD_KEY);
        channels.get("news-sd").keys.put("00bb", SD_KEY);
        LiveCatalog recording = id -> {
            lookupThreads.add(Thread.currentThread().getName());
            return channels.channel(id);
        };
        server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(2), recording, gate, () -> "");
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
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String live(String token, String rest) {
        return "/s/" + token + "/live/" + rest;
    }

    @Test
    void servesTheChannelTheSessionChoseNotThePathsChannel() throws Exception {
        String token = TestGate.newToken();
        gate.grant(token, "news-hd", "news-sd"); // the plan caps quality: SD rendition

        HttpResponse<byte[]> playlist = get(live(token, "news-hd/media.m3u8"));
        HttpResponse<byte[]> segment = get(live(token, "news-hd/5.ts"));

        assertThat(text(playlist)).isEqualTo(SD_MEDIA);
        assertThat(segment.statusCode()).isEqualTo(200);
        assertThat(segment.body()).isEqualTo(sdSegment);
        assertThat(get(live(token, "news-sd/media.m3u8")).statusCode())
                .as("the token is for the path's scope, not the rendition's").isEqualTo(403);
    }

    @Test
    void countsTheBytesServedToTheSession() throws Exception {
        String token = TestGate.newToken();
        TestViewer viewer = gate.grant(token, "news-sd");

        get(live(token, "news-sd/media.m3u8"));
        get(live(token, "news-sd/5.ts"));
        get(live(token, "news-sd/5.ts"), "Range", "bytes=100-199");
        send("HEAD", live(token, "news-sd/5.ts"));
        send("HEAD", live(token, "news-sd/media.m3u8"));

        long expected = SD_MEDIA.length() + sdSegment.length + 100L;
        await().atMost(Duration.ofSeconds(10)).until(() -> viewer.servedCalls() == 5);
        assertThat(viewer.bytes()).isEqualTo(expected);
        assertThat(gate.lastFormat()).isEqualTo(StreamFormat.HLS);
    }

    @Test
    void everyRefusalIsTheSameAnswer() throws Exception {
        String granted = TestGate.newToken();
        gate.grant(granted, "ch1");
        String expired = TestGate.newToken();
        gate.expire(expired, "news-sd");
        String ended = TestGate.newToken();
        gate.grant(ended, "news-sd").end();
        List<String> refused = List.of(
                live("not-a-token!", "news-sd/media.m3u8"), live("", "news-sd/media.m3u8"),
                live("ABCDEF", "news-sd/media.m3u8"), live("a".repeat(129), "news-sd/media.m3u8"),
                live(TestGate.newToken(), "news-sd/media.m3u8"), live(expired, "news-sd/media.m3u8"),
                live(ended, "news-sd/media.m3u8"), live(granted, "ch10/media.m3u8"), live(granted, "news-sd/5.ts"),
                live(granted.substring(0, granted.length() - 1), "ch1/media.m3u8"));

        List<String> answers = new ArrayList<>();
        for (String path : refused) {
            HttpResponse<byte[]> response = get(path);
            Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
            answers.add(response.statusCode() + " " + headers + " " + text(response));
        }

        assertThat(answers).as("one generic 403 whatever the reason").containsOnly(answers.getFirst());
        assertThat(answers.getFirst()).startsWith("403 ").endsWith(" forbidden\n")
                .contains("access-control-allow-origin=[*]").contains("cache-control=[no-store]");
    }

    @Test
    void busyIs503WithRetryAfter() throws Exception {
        String token = TestGate.newToken();
        gate.answer(token, "news-sd", () -> new GateDecision.Busy(7));

        HttpResponse<byte[]> response = get(live(token, "news-sd/5.ts"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(text(response)).isEqualTo("no capacity, retry later\n");
    }

    @Test
    void laterDecisionsAreFollowedOnTheRequestsEventLoop() throws Exception {
        String token = TestGate.newToken();
        TestViewer viewer = new TestViewer("news-sd");
        gate.answer(token, "news-sd", () -> new GateDecision.Later(CompletableFuture.supplyAsync(
                () -> new GateDecision.Later(CompletableFuture.supplyAsync(() -> new GateDecision.Pass(viewer),
                        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS))),
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS))));
        lookupThreads.clear();

        HttpResponse<byte[]> response = get(live(token, "news-sd/media.m3u8"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).isEqualTo(SD_MEDIA);
        assertThat(lookupThreads).singleElement().asString().startsWith("vert.x-eventloop-thread-");
        assertThat(viewer.bytes()).isEqualTo(SD_MEDIA.length());
    }

    @Test
    void laterRefusalsBusyAndFailures() throws Exception {
        String refused = TestGate.newToken();
        gate.answer(refused, "news-sd", () -> new GateDecision.Later(
                CompletableFuture.completedFuture(GateDecision.REFUSE)));
        String busy = TestGate.newToken();
        gate.answer(busy, "news-sd", () -> new GateDecision.Later(
                CompletableFuture.supplyAsync(() -> new GateDecision.Busy(3))));
        String failing = TestGate.newToken();
        gate.answer(failing, "news-sd", () -> new GateDecision.Later(
                CompletableFuture.failedFuture(new IllegalStateException("redis down"))));
        String endless = TestGate.newToken();
        gate.answer(endless, "news-sd", () -> laterForever(10));

        assertThat(get(live(refused, "news-sd/5.ts")).statusCode()).isEqualTo(403);
        assertThat(text(get(live(refused, "news-sd/5.ts")))).isEqualTo("forbidden\n");
        assertThat(get(live(busy, "news-sd/5.ts")).headers().firstValue("Retry-After")).hasValue("3");
        assertThat(get(live(failing, "news-sd/5.ts")).statusCode()).isEqualTo(500);
        assertThat(get(live(endless, "news-sd/5.ts")).statusCode()).isEqualTo(500);
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }

    private static GateDecision laterForever(int depth) {
        return depth == 0 ? new GateDecision.Pass(new TestViewer("news-sd"))
                : new GateDecision.Later(CompletableFuture.completedFuture(laterForever(depth - 1)));
    }

    @Test
    void aClientThatLeftWhileTheGateWaitedIsDropped() throws Exception {
        String token = TestGate.newToken();
        TestViewer viewer = new TestViewer("news-sd");
        CompletableFuture<GateDecision> decision = new CompletableFuture<>();
        gate.answer(token, "news-sd", () -> new GateDecision.Later(decision));
        int checks = gate.checks();
        long connections = server.stats().connections();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(("GET " + live(token, "news-sd/5.ts") + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            await().atMost(Duration.ofSeconds(10)).until(() -> gate.checks() > checks);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().connections() <= connections);

        decision.complete(new GateDecision.Pass(viewer));

        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        Thread.sleep(200);
        assertThat(viewer.servedCalls()).as("nothing served to a client that left").isZero();
    }

    @Test
    void preflightAndWrongMethodsNeverAskTheGate() throws Exception {
        int checks = gate.checks();

        HttpResponse<byte[]> preflight = send("OPTIONS", live(TestGate.newToken(), "news-sd/5.ts"),
                "Origin", "https://player.example", "Access-Control-Request-Method", "GET");
        HttpResponse<byte[]> badTokenPreflight = send("OPTIONS", live("xyz", "news-sd/5.ts"));
        HttpResponse<byte[]> post = send("POST", live(TestGate.newToken(), "news-sd/5.ts"));

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(badTokenPreflight.statusCode()).isEqualTo(204);
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(gate.checks()).isEqualTo(checks);
    }

    @Test
    void theGateLearnsTheClientsAddressAndUserAgent() throws Exception {
        String token = TestGate.newToken();
        gate.grant(token, "news-sd");

        get(live(token, "news-sd/media.m3u8"), "User-Agent", "set-top/1.0", "X-Forwarded-For", "203.0.113.9");

        ClientInfo seen = gate.lastClient();
        assertThat(seen.address()).as("X-Forwarded-For ignored from an untrusted peer")
                .isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(seen.userAgent()).isEqualTo("set-top/1.0");
    }

    @Test
    void behindATrustedProxyTheClientIsTakenFromXForwardedFor() throws Exception {
        TestGate proxied = new TestGate();
        String token = TestGate.newToken();
        proxied.grant(token, "news-sd");
        DeliveryOptions options = DeliveryOptions.defaults().withEventLoops(1)
                .withTrustedProxies(List.of("127.0.0.0/8", "::1"));
        try (DeliveryServer behindProxy = new DeliveryServer(options, channels, proxied, () -> "")) {
            int proxiedPort = behindProxy.start("127.0.0.1", 0);

            String answer = RawHttp.exchange(proxiedPort, "GET " + live(token, "news-sd/media.m3u8")
                    + " HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 198.51.100.1, 203.0.113.9\r\n"
                    + "X-Forwarded-For: 127.0.0.5\r\nConnection: close\r\n\r\n");
            assertThat(RawHttp.status(answer)).isEqualTo(200);
            assertThat(proxied.lastClient().address()).isEqualTo(InetAddress.getByName("203.0.113.9"));

            RawHttp.exchange(proxiedPort, "GET " + live(token, "news-sd/media.m3u8")
                    + " HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.9:99\r\nConnection: close\r\n\r\n");
            assertThat(proxied.lastClient().address()).as("malformed: the peer")
                    .isEqualTo(InetAddress.getByName("127.0.0.1"));
        }
    }

    @Test
    void playlistBytesAreSharedButEachVersionIsServed() throws Exception {
        String token = TestGate.newToken();
        gate.grant(token, "news-sd");
        InMemoryCatalog.Channel sd = (InMemoryCatalog.Channel) channels.channel("news-sd").orElseThrow();
        Playlist before = sd.media;
        try {
            assertThat(text(get(live(token, "news-sd/media.m3u8")))).isEqualTo(SD_MEDIA);
            sd.media = new Playlist.Ready((SD_MEDIA + "#next\n").getBytes(StandardCharsets.UTF_8));
            assertThat(text(get(live(token, "news-sd/media.m3u8")))).isEqualTo(SD_MEDIA + "#next\n");
            assertThat(text(get(live(token, "news-sd/media.m3u8")))).isEqualTo(SD_MEDIA + "#next\n");
        } finally {
            sd.media = before;
        }
        assertThat(Arrays.equals(get(live(token, "news-sd/media.m3u8")).body(),
                SD_MEDIA.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    // ---- the key route: 16 bytes, never cached, only to a live session of the key's own channel; else the one 403

    private static void assertRefused(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("forbidden\n");
    }

    @Test
    void aSessionOfTheChannelGetsItsKeyUncached() throws Exception {
        String token = TestGate.newToken();
        gate.grant(token, "news-hd");
        HttpResponse<byte[]> response = send("GET", "/s/" + token + "/live/news-hd/key/00aa.key");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(HD_KEY);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(response.headers().firstValue("Content-Length")).hasValue("16");
    }

    @Test
    void aRenditionSessionGetsTheKeysOfTheRenditionItPlays() throws Exception {
        String token = TestGate.newToken();
        gate.grant(token, "news-hd", "news-sd");
        assertThat(send("GET", "/s/" + token + "/live/news-hd/key/00bb.key").body()).isEqualTo(SD_KEY);
        assertRefused(send("GET", "/s/" + token + "/live/news-hd/key/00aa.key"));
    }

    @Test
    void anotherChannelsSessionIsRefusedTheKeyWhicheverPathItTries() throws Exception {
        String token = TestGate.newToken();
        gate.grant(token, "news-sd");
        assertRefused(send("GET", "/s/" + token + "/live/news-hd/key/00aa.key"));
        assertRefused(send("GET", "/s/" + token + "/live/news-sd/key/00aa.key"));
    }

    @Test
    void anEndedSessionOrNoSessionIsRefusedTheKey() throws Exception {
        String ended = TestGate.newToken();
        gate.grant(ended, "news-hd").end();
        assertRefused(send("GET", "/s/" + ended + "/live/news-hd/key/00aa.key"));
        assertRefused(send("GET", "/s/" + TestGate.newToken() + "/live/news-hd/key/00aa.key"));
        assertRefused(send("GET", "/s/not-hex!/live/news-hd/key/00aa.key"));
        assertThat(send("GET", "/live/news-hd/key/00aa.key").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownKeyIsTheSameRefusal() throws Exception {
        String token = TestGate.newToken();
        gate.grant(token, "news-hd");
        assertRefused(send("GET", "/s/" + token + "/live/news-hd/key/00cc.key"));
    }
}
