package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.app.config.ChannelConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.ServerConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.domain.session.ActiveSession;
import headwater.domain.session.EndReason;
import headwater.domain.session.Opening;
import headwater.domain.subscriber.OutputFormat;
import headwater.media.hls.MediaPlaylist;
import headwater.media.hls.PlaylistParser;
import headwater.media.hls.PlaylistSegment;
import headwater.media.hls.SegmentCipher;
import headwater.testkit.Chromium;
import headwater.testkit.Playback;
import headwater.testkit.Tools;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An encrypted channel end to end: a real ffmpeg-made source is packaged as AES-128 HLS with keys rotated every 3 s;
 * ffprobe and headless Chromium play it through the session's URLs (keys included), and the key route refuses
 * requests without a session, with another channel's session and with an ended session.
 */
class EncryptedChannelTest {
    private static final String CHANNEL = "secret";
    private static final String OTHER = "plain";
    private static final Duration ROTATION = Duration.ofSeconds(3);

    @TempDir
    static Path dir;
    private static HeadwaterServer server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws InterruptedException {
        Ffmpeg ffmpeg = new Ffmpeg(Tools.requireFfmpeg(), FfmpegOrigin.PATH, "test");
        Path file = DemoLoops.sd(ffmpeg, dir);
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), defaults.hls().withKeyRotation(ROTATION), defaults.health(),
                List.of(new ChannelConfig(CHANNEL, "Secret", List.of(file.toUri()), Optional.empty(),
                                Optional.of(Duration.ofSeconds(1)), Viewers.PACKAGES).withEncrypted(true),
                        new ChannelConfig(OTHER, "Plain", List.of(file.toUri()), Optional.empty(),
                                Optional.of(Duration.ofSeconds(1)), Viewers.PACKAGES)),
                defaults.metrics(), defaults.database(), defaults.outbound());
        server = HeadwaterServer.start(config, ffmpeg);
        assertThat(server.awaitSegments(4, Duration.ofSeconds(60))).as("four segments to join on").isTrue();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<byte[]> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI media(URI multivariant) {
        return multivariant.resolve("media.m3u8");
    }

    private static MediaPlaylist playlist(URI multivariant) throws Exception {
        HttpResponse<byte[]> response = get(media(multivariant));
        assertThat(response.statusCode()).isEqualTo(200);
        return (MediaPlaylist) new PlaylistParser().parse(response.body(), null);
    }

    private static String session(String channel, String device) {
        Viewers.subscriber(server, Viewers.SUBSCRIBER, 50);
        return Viewers.token(server, Viewers.SUBSCRIBER, channel, OutputFormat.HLS, device);
    }

    @Test
    void segmentsAreEncryptedAndTheSessionsKeyDecryptsThem() throws Exception {
        URI multivariant = server.multivariantUrl(session(CHANNEL, "probe-bytes"), CHANNEL);
        String text = new String(get(media(multivariant)).body(), StandardCharsets.UTF_8);
        assertThat(text).containsPattern("#EXT-X-KEY:METHOD=AES-128,URI=\"key/[0-9a-f]{16}\\.key\",IV=0x[0-9A-F]{32}");
        PlaylistSegment segment = playlist(multivariant).segments().getLast();
        byte[] encrypted = get(media(multivariant).resolve(segment.uri())).body();
        // not clear TS: a sync byte every 188 bytes; in ciphertext one of these positions is 0x47 by chance 1 in 256
        long syncBytes = java.util.stream.IntStream.iterate(0, at -> at < encrypted.length, at -> at + 188)
                .filter(at -> encrypted[at] == 0x47).count();
        assertThat(syncBytes).as("sync bytes in the clear, of %d positions", encrypted.length / 188)
                .isLessThan(Math.max(8, encrypted.length / 188 / 16));
        HttpResponse<byte[]> key = get(media(multivariant).resolve(segment.key().uri()));
        assertThat(key.statusCode()).isEqualTo(200);
        assertThat(key.body()).hasSize(16);
        assertThat(key.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(key.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        byte[] clear = SegmentCipher.decrypt(key.body(), segment.key().iv(), encrypted);
        assertThat(clear.length % 188).isZero();
        assertThat(clear[0]).isEqualTo((byte) 0x47);
        assertThat(clear[188]).isEqualTo((byte) 0x47);
    }

    @Test
    void everyViewerGetsTheSamePlaylistBytes() throws Exception {
        URI a = server.multivariantUrl(session(CHANNEL, "same-a"), CHANNEL);
        URI b = server.multivariantUrl(session(CHANNEL, "same-b"), CHANNEL);
        for (int attempt = 0; ; attempt++) {
            byte[] first = get(media(a)).body();
            byte[] second = get(media(b)).body();
            if (java.util.Arrays.equals(first, second) || attempt == 5) {
                assertThat(second).isEqualTo(first); // unless a segment was published in between: then again
                break;
            }
        }
    }

    @Test
    void ffprobeDecodesTheEncryptedChannelThroughTheSession() throws Exception {
        URI multivariant = server.multivariantUrl(session(CHANNEL, "ffprobe"), CHANNEL);
        Process ffprobe = new ProcessBuilder(Tools.requireFfprobe().toString(), "-v", "error",
                "-allowed_extensions", "ALL", "-read_intervals", "%+3", "-count_frames",
                "-show_entries", "stream=codec_type,codec_name,width,nb_read_frames", "-of", "csv=p=0",
                media(multivariant).toString()).redirectErrorStream(true).start();
        String output = new String(ffprobe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ffprobe.waitFor()).as(output).isZero();
        assertThat(output).as("decoded video frames, no decryption or demux errors").contains("h264,video,640")
                .doesNotContainIgnoringCase("error").doesNotContainIgnoringCase("invalid");
    }

    @Test
    void chromiumPlaysTheEncryptedChannelAcrossKeyRotations() throws Exception {
        URI multivariant = server.multivariantUrl(session(CHANNEL, "chromium"), CHANNEL);
        try (Chromium chromium = Chromium.launch()) {
            Playback playback = chromium.play(multivariant.toString(), Duration.ofSeconds(12));
            assertThat(playback.errors()).as(playback.toString()).isEmpty();
            assertThat(playback.timeAdvanced()).as("plays across at least two rotations (3 s): " + playback)
                    .isGreaterThan(2 * ROTATION.toSeconds() + 1.0);
            assertThat(playback.videoWidth()).as(playback.toString()).isEqualTo(640);
        }
    }

    @Test
    void keysRotateIntoNewExtXKeyLines() throws Exception {
        URI multivariant = server.multivariantUrl(session(CHANNEL, "rotation"), CHANNEL);
        Set<String> keys = new LinkedHashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (keys.size() < 3 && System.nanoTime() < deadline) {
            for (PlaylistSegment s : playlist(multivariant).segments()) {
                keys.add(s.key().uri());
                assertThat(get(media(multivariant).resolve(s.key().uri())).statusCode()).isEqualTo(200);
            }
            Thread.sleep(500);
        }
        assertThat(keys).as("three keys seen in the live playlist").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theKeyIsRefusedWithoutASessionWithAnotherChannelsAndWithAnEndedOne() throws Exception {
        String token = session(CHANNEL, "refusals");
        URI multivariant = server.multivariantUrl(token, CHANNEL);
        String keyUri = playlist(multivariant).segments().getLast().key().uri();
        URI key = media(multivariant).resolve(keyUri);
        assertThat(get(key).statusCode()).isEqualTo(200);

        String path = key.getRawPath();
        String base = server.baseUrl().toString().replaceAll("/$", "");
        String forged = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
        assertRefused(get(URI.create(base + path.replace(token, forged))));
        assertThat(get(URI.create(base + path.substring(path.indexOf("/live/")))).statusCode()).isEqualTo(404);

        String otherToken = session(OTHER, "refusals-other");
        assertRefused(get(URI.create(base + path.replace(token, otherToken))));
        assertRefused(get(URI.create(base + path.replace(token, otherToken).replace("/live/" + CHANNEL + "/",
                "/live/" + OTHER + "/"))));

        Opening opening = Viewers.open(server, Viewers.SUBSCRIBER, CHANNEL, OutputFormat.HLS, "refusals");
        ActiveSession active = ((Opening.Opened) opening).session();
        URI again = media(server.multivariantUrl(active.token(), CHANNEL)).resolve(keyUri);
        assertThat(get(again).statusCode()).isEqualTo(200);
        assertThat(server.sessions().service().end(active.id(), EndReason.OPERATOR)).isTrue();
        assertRefused(get(again));
    }

    @Test
    void theDatabaseKeepsTheChannelsKeysOnlySealed() throws Exception {
        URI multivariant = server.multivariantUrl(session(CHANNEL, "sealed"), CHANNEL);
        PlaylistSegment segment = playlist(multivariant).segments().getLast();
        byte[] key = get(media(multivariant).resolve(segment.key().uri())).body();
        String keyId = segment.key().uri().substring("key/".length(), segment.key().uri().length() - ".key".length());
        List<String> stored = server.database().read(handle -> handle.createQuery(
                "SELECT secret FROM stream_key WHERE channel_id = :channel AND id = :id")
                .bind("channel", CHANNEL).bind("id", keyId).mapTo(String.class).list());
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst()).startsWith("hw1.")
                .doesNotContainIgnoringCase(java.util.HexFormat.of().formatHex(key))
                .doesNotContain(java.util.Base64.getEncoder().withoutPadding().encodeToString(key));
        assertThat(server.fieldCipher().open("stream_key.secret", stored.getFirst())).isEqualTo(key);
        int clearChannelKeys = server.database().read(handle -> handle.createQuery(
                "SELECT count(*) FROM stream_key WHERE channel_id = :channel").bind("channel", OTHER)
                .mapTo(Integer.class).one());
        assertThat(clearChannelKeys).as("a channel in the clear has no key").isZero();
    }

    private static void assertRefused(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("forbidden\n");
    }
}
