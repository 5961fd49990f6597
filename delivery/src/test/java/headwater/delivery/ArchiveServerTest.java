package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.testkit.Ffmpeg;
import headwater.testkit.Ffprobe;
import headwater.testkit.ProbedMedia;
import headwater.testkit.ProbedPacket;
import headwater.testkit.SettableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archive windows through a real server: the playlist (golden file), segments inside and outside the window, and
 * the window as one continuous MPEG-TS that ffprobe plays, made of real ffmpeg segments.
 */
class ArchiveServerTest {

    /** 2026-01-01T00:00:00Z: six recorded segments of 2 s, sequences 100..105, from here. */
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final long B = BASE.getEpochSecond();
    /** [BASE+3 s, BASE+9 s): segments 101 (2..4 s, holds the start) to 104 (8..10 s). */
    private static final String WINDOW = "archive/news/" + (B + 3) + "-6";

    @TempDir
    static Path dir;

    private static final FakeArchive archive = new FakeArchive();
    private static final TestGate gate = new TestGate();
    private static final SettableClock clock = new SettableClock(BASE.plus(Duration.ofHours(1)));
    private static Path[] files;
    private static DeliveryServer server;
    private static int port;
    private static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        Path hls = Files.createDirectories(dir.resolve("hls"));
        Ffmpeg.require().renderTestPatternHls(hls, 320, 180, Duration.ofSeconds(12), Duration.ofSeconds(2));
        files = new Path[6];
        for (int i = 0; i < 6; i++) {
            files[i] = hls.resolve(String.format("seg%03d.ts", i));
            assertThat(files[i]).exists();
            archive.record("news", segment(100 + i, files[i], i == 3));
            archive.record("gappy", segment(100 + i, i == 2 ? dir.resolve("deleted-by-retention.ts") : files[i],
                    false));
        }
        server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(2), new InMemoryCatalog(), gate, () -> "")
                .archive(archive).clock(clock);
        port = server.start("127.0.0.1", 0);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static ArchivedSegment segment(long sequence, Path file, boolean discontinuity) throws IOException {
        long size = Files.exists(file) ? Files.size(file) : 1000;
        return new ArchivedSegment(sequence, BASE.plusSeconds(2 * (sequence - 100)), 2_000_000, size, file,
                discontinuity);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @AfterEach
    void resetClock() {
        clock.set(BASE.plus(Duration.ofHours(1)));
    }

    private static String url(String token, String rest) {
        return "http://127.0.0.1:" + port + "/s/" + token + "/" + rest;
    }

    private static HttpResponse<byte[]> get(String token, String rest, String... headers) throws Exception {
        return send("GET", token, rest, headers);
    }

    private static HttpResponse<byte[]> send(String method, String token, String rest, String... headers)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(token, rest)))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String granted(String scope) {
        String token = TestGate.newToken();
        gate.grantScope(token, scope, scope.split("/")[1]);
        return token;
    }

    private static byte[] concat(int... indexes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i : indexes) {
            out.write(Files.readAllBytes(files[i]));
        }
        return out.toByteArray();
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ArchiveServerTest.class.getResourceAsStream("archive/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aWindowThatIsOverIsAVodPlaylistFromTheSegmentHoldingItsStart() throws Exception {
        String token = granted(WINDOW);

        HttpResponse<byte[]> playlist = get(token, WINDOW + "/index.m3u8");

        assertThat(playlist.statusCode()).isEqualTo(200);
        assertThat(playlist.headers().firstValue("Content-Type")).hasValue("application/vnd.apple.mpegurl");
        assertThat(playlist.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(new String(playlist.body(), StandardCharsets.UTF_8)).isEqualTo(golden("window.m3u8"));
    }

    @Test
    void aWindowThatReachesPastNowIsAGrowingEventPlaylist() throws Exception {
        clock.set(BASE.plusSeconds(5));
        String token = granted(WINDOW);

        String playlist = new String(get(token, WINDOW + "/index.m3u8").body(), StandardCharsets.UTF_8);

        assertThat(playlist).contains("#EXT-X-PLAYLIST-TYPE:EVENT\n").doesNotContain("#EXT-X-ENDLIST")
                .doesNotContain("VOD");
    }

    @Test
    void theWindowsPlaylistPlaysInFfprobe() {
        String token = granted(WINDOW);

        ProbedMedia media = Ffprobe.streams(url(token, WINDOW + "/index.m3u8"));

        assertThat(media.codecNames()).contains("h264", "aac");
        assertThat(media.duration()).isBetween(7.0, 9.0);
    }

    @Test
    void aSegmentIsServedOnlyInsideTheWindow() throws Exception {
        String token = TestGate.newToken();
        TestViewer viewer = gate.grantScope(token, WINDOW, "news");

        HttpResponse<byte[]> inside = get(token, WINDOW + "/102.ts");
        HttpResponse<byte[]> range = get(token, WINDOW + "/102.ts", "Range", "bytes=188-375");
        HttpResponse<byte[]> outside = get(token, WINDOW + "/105.ts");
        HttpResponse<byte[]> before100 = get(token, WINDOW + "/100.ts");

        assertThat(inside.statusCode()).isEqualTo(200);
        assertThat(inside.body()).isEqualTo(Files.readAllBytes(files[2]));
        assertThat(inside.headers().firstValue("Content-Type")).hasValue("video/mp2t");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).hasSize(188);
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(new String(outside.body(), StandardCharsets.UTF_8))
                .isEqualTo("segment 105 is not in the archive window of channel news (101..104)\n");
        assertThat(before100.statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(10)).until(() -> viewer.bytes() == files[2].toFile().length() + 188);
    }

    @Test
    void aTokenOpensOnlyItsOwnWindow() throws Exception {
        String token = granted(WINDOW);
        String otherWindow = "archive/news/" + (B + 3) + "-7";
        int windows = archive.windows.get();

        assertThat(get(token, otherWindow + "/index.m3u8").statusCode()).isEqualTo(403);
        assertThat(get(token, "archive/gappy/" + (B + 3) + "-6.ts").statusCode()).isEqualTo(403);
        assertThat(get(token, "live/news/index.m3u8").statusCode()).isEqualTo(403);
        assertThat(archive.windows.get()).as("refused before any lookup").isEqualTo(windows);
    }

    @Test
    void nothingRecordedInTheWindowIs404() throws Exception {
        String window = "archive/news/" + (B + 3600) + "-60";
        String token = granted(window);

        HttpResponse<byte[]> playlist = get(token, window + "/index.m3u8");
        HttpResponse<byte[]> stream = get(token, window + ".ts");

        assertThat(playlist.statusCode()).isEqualTo(404);
        assertThat(new String(playlist.body(), StandardCharsets.UTF_8)).isEqualTo("nothing of channel news is archived"
                + " between 2026-01-01T01:00:00Z and 2026-01-01T01:01:00Z\n");
        assertThat(stream.statusCode()).isEqualTo(404);
    }

    @Test
    void theWindowAsOneTransportStreamIsItsSegmentsEndToEndAndStartsOnAKeyframe() throws Exception {
        String token = granted(WINDOW);

        HttpResponse<byte[]> stream = get(token, WINDOW + ".ts");

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValue("video/mp2t");
        assertThat(stream.body()).isEqualTo(concat(1, 2, 3, 4));
        Path saved = Files.write(dir.resolve("window.ts"), stream.body());
        Map<Integer, List<ProbedPacket>> packets = Ffprobe.packets(saved);
        int video = Ffprobe.streams(saved).video().orElseThrow().index();
        assertThat(packets.get(video).getFirst().keyframe()).as("starts on a keyframe").isTrue();
    }

    @Test
    void theContinuousStreamPlaysInFfprobeOverHttp() {
        String token = granted(WINDOW);

        ProbedMedia media = Ffprobe.streams(url(token, WINDOW + ".ts"));

        assertThat(media.formatName()).isEqualTo("mpegts");
        assertThat(media.codecNames()).contains("h264", "aac");
        assertThat(media.video().orElseThrow().width()).isEqualTo(320);
    }

    @Test
    void headOfTheStreamSendsOnlyHeaders() throws Exception {
        String token = granted(WINDOW);

        HttpResponse<byte[]> head = send("HEAD", token, WINDOW + ".ts");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValue("video/mp2t");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aSegmentDeletedByRetentionIsSkipped() throws Exception {
        String window = "archive/gappy/" + (B + 3) + "-6";
        String token = granted(window);

        HttpResponse<byte[]> stream = get(token, window + ".ts");

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body()).isEqualTo(concat(1, 3, 4));
        assertThat(get(token, window + "/102.ts").statusCode()).isEqualTo(404);
        assertThat(dir.resolve("deleted-by-retention.ts")).as("never created by reading").doesNotExist();
    }

    @Test
    void aWindowThatReachesPastNowGrowsWhileItIsStreamed() throws Exception {
        clock.set(BASE.plusSeconds(5));
        String window = "archive/growing/" + (B + 3) + "-6";
        archive.record("growing", segment(101, files[1], false));
        archive.record("growing", segment(102, files[2], false));
        String token = granted(window);
        int before = archive.windows.get();

        CompletableFuture<HttpResponse<byte[]>> streaming = client.sendAsync(HttpRequest.newBuilder(
                URI.create(url(token, window + ".ts"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        await().atMost(Duration.ofSeconds(30)).until(() -> archive.windows.get() >= before + 2); // asked again
        archive.record("growing", segment(103, files[3], false));
        clock.set(BASE.plusSeconds(11));
        archive.record("growing", segment(104, files[4], false));
        HttpResponse<byte[]> stream = streaming.get(60, TimeUnit.SECONDS);

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body()).as("ends with the segment that reaches the window's end").isEqualTo(concat(1, 2, 3, 4));
    }

    @Test
    void anEndedSessionEndsTheStream() throws Exception {
        String token = TestGate.newToken();
        TestViewer viewer = gate.grantScope(token, WINDOW, "news");
        viewer.end();

        assertThat(get(token, WINDOW + ".ts").statusCode()).isEqualTo(403);
    }
}
