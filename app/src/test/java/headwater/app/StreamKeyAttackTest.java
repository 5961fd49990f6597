package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.app.config.ChannelConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.HlsConfig;
import headwater.app.config.ServerConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.domain.session.ActiveSession;
import headwater.domain.session.EndReason;
import headwater.domain.session.Opening;
import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionRequest;
import headwater.domain.subscriber.OutputFormat;
import headwater.media.hls.MediaPlaylist;
import headwater.media.hls.PlaylistParser;
import headwater.media.hls.PlaylistSegment;
import headwater.media.hls.SegmentCipher;
import headwater.testkit.Fixtures;
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
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the stream keys of a running server (issue 6, "keys"): each asks for a content key the way an attacker
 * would, and gets the one generic 403 (or a 400 for a path outside the grammar), never a key; the legitimate session
 * gets it. Two encrypted channels {@code ch1} and {@code ch10} (a scope that is a prefix of the other), {@code ch1}
 * with catch-up, so the archive's keys are attacked too.
 */
class StreamKeyAttackTest {
    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");

    @TempDir
    static Path dir;
    private static HeadwaterServer server;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static String ch1Token;
    private static String ch10Token;
    private static String keyPath;
    private static String keyId;

    @BeforeAll
    static void start() throws Exception {
        Path file = Files.write(dir.resolve("loop.ts"), Fixtures.bytes(Fixtures.H264_AAC_180P));
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), new HlsConfig(Duration.ofSeconds(1), 3, 1), defaults.health(),
                List.of(new ChannelConfig("ch1", "One", List.of(file.toUri()), Optional.empty(), Optional.empty(),
                                Viewers.PACKAGES, 1).withEncrypted(true),
                        new ChannelConfig("ch10", "Ten", List.of(file.toUri()), Optional.empty(), Optional.empty(),
                                Viewers.PACKAGES).withEncrypted(true)),
                defaults.metrics(), defaults.database(), defaults.outbound());
        server = HeadwaterServer.start(config, NO_FFMPEG);
        assertThat(server.awaitSegments(3, Duration.ofSeconds(60))).isTrue();
        Viewers.subscriber(server, Viewers.SUBSCRIBER, 50);
        ch1Token = Viewers.token(server, Viewers.SUBSCRIBER, "ch1", OutputFormat.HLS, "attack-ch1");
        ch10Token = Viewers.token(server, Viewers.SUBSCRIBER, "ch10", OutputFormat.HLS, "attack-ch10");
        URI media = server.multivariantUrl(ch1Token, "ch1").resolve("media.m3u8");
        MediaPlaylist playlist = (MediaPlaylist) new PlaylistParser().parse(get(media).body(), null);
        String uri = playlist.segments().getLast().key().uri();
        keyId = uri.substring(4, uri.length() - 4);
        keyPath = "/live/ch1/key/" + keyId + ".key";
        assertThat(get(path(ch1Token, keyPath)).statusCode()).as("the legitimate session gets the key").isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static URI path(String token, String rest) {
        return server.baseUrl().resolve("s/" + token + rest);
    }

    private static HttpResponse<byte[]> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void refused(URI uri) throws Exception {
        HttpResponse<byte[]> response = get(uri);
        assertThat(response.statusCode()).as(uri.toString()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("forbidden\n");
    }

    @Test
    void noSessionGetsNoKey() throws Exception {
        assertThat(get(server.baseUrl().resolve(keyPath.substring(1))).statusCode()).isIn(403, 404);
        refused(path("0123456789abcdef0123456789abcdef-6a1b2c3d-1-00112233445566778899aabbccddeeff", keyPath));
    }

    @Test
    void aTamperedTruncatedOrOversizedTokenGetsNoKey() throws Exception {
        String flipped = ch1Token.substring(0, ch1Token.length() - 1) + (ch1Token.endsWith("0") ? "1" : "0");
        refused(path(flipped, keyPath));
        refused(path(ch1Token.substring(0, ch1Token.length() - 2), keyPath));
        refused(path(ch1Token.toUpperCase(), keyPath));
        refused(path("a".repeat(129), keyPath));
        assertThat(get(path("a".repeat(10_000), keyPath)).statusCode()).isIn(403, 414, 431);
    }

    @Test
    void anotherChannelsSessionGetsNoKeyWhateverThePath() throws Exception {
        refused(path(ch10Token, keyPath));
        refused(path(ch10Token, "/live/ch10/key/" + keyId + ".key"));
        refused(path(ch1Token, "/live/ch10/key/" + keyId + ".key"));
    }

    @Test
    void anEndedSessionGetsNoKey() throws Exception {
        Opening opening = server.sessions().service().open(new SessionRequest(Viewers.SUBSCRIBER,
                new PlaybackTarget.Live("ch1"), OutputFormat.HLS, "attack-ended", null, "test"));
        ActiveSession session = ((Opening.Opened) opening).session();
        assertThat(get(path(session.token(), keyPath)).statusCode()).isEqualTo(200);
        assertThat(server.sessions().service().end(session.id(), EndReason.OPERATOR)).isTrue();
        refused(path(session.token(), keyPath));
    }

    @Test
    void pathTricksInTheKeyIdNeverReachAFile() throws Exception {
        for (String trick : List.of("/live/ch1/key/..%2f..%2fsegments.tsv.key", "/live/ch1/key/../0.ts",
                "/live/ch1/key/%2e%2e.key", "/live/ch1/key/" + keyId.toUpperCase() + ".key",
                "/live/ch1/key/" + keyId + ".key%00", "/live/ch1/key/" + keyId)) {
            HttpResponse<byte[]> response = get(URI.create(server.baseUrl() + "s/" + ch1Token + trick));
            assertThat(response.statusCode()).as(trick).isIn(400, 403, 404);
            assertThat(response.body().length).as(trick).isNotEqualTo(16);
        }
    }

    @Test
    void theArchiveGivesItsKeysOnlyToAnArchiveSessionOfItsWindow() throws Exception {
        long start = Instant.now().minusSeconds(60).getEpochSecond();
        Opening opening = server.sessions().service().open(new SessionRequest(Viewers.SUBSCRIBER,
                new PlaybackTarget.Archive("ch1", Instant.ofEpochSecond(start), Duration.ofSeconds(120)),
                OutputFormat.HLS, "attack-archive", null, "test"));
        String archiveToken = ((Opening.Opened) opening).session().token();
        String window = "/archive/ch1/" + start + "-120";
        HttpResponse<byte[]> playlist = get(path(archiveToken, window + "/index.m3u8"));
        assertThat(playlist.statusCode()).isEqualTo(200);
        MediaPlaylist archived = (MediaPlaylist) new PlaylistParser().parse(playlist.body(), null);
        PlaylistSegment first = archived.segments().getFirst();
        assertThat(first.key()).as("archived segments are encrypted").isNotNull();
        assertThat(first.key().uri()).matches("key/[0-9a-f]{16}\\.key");
        String archivedKey = window + "/" + first.key().uri();
        HttpResponse<byte[]> key = get(path(archiveToken, archivedKey));
        assertThat(key.statusCode()).isEqualTo(200);
        assertThat(key.headers().firstValue("Cache-Control")).hasValue("no-store");
        byte[] segment = get(path(archiveToken, window + "/" + first.uri())).body();
        assertThat(SegmentCipher.decrypt(key.body(), first.key().iv(), segment)[0]).isEqualTo((byte) 0x47);

        Opening tsOpening = server.sessions().service().open(new SessionRequest(Viewers.SUBSCRIBER,
                new PlaybackTarget.Archive("ch1", Instant.ofEpochSecond(start), Duration.ofSeconds(120)),
                OutputFormat.TS, "attack-archive-ts", null, "test"));
        String tsToken = ((Opening.Opened) tsOpening).session().token();
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(path(tsToken, window + ".ts"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream in = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            byte[] head = in.readNBytes(188 * 4);
            assertThat(head).as("the archive's .ts is decrypted for its session").hasSize(188 * 4);
            for (int i = 0; i < 4; i++) {
                assertThat(head[188 * i]).isEqualTo((byte) 0x47);
            }
        }

        refused(path(ch1Token, archivedKey));
        refused(path(archiveToken, keyPath));
        refused(path(archiveToken, "/archive/ch1/" + (start + 1) + "-120/" + first.key().uri()));
    }

    @Test
    void aCatalogueChannelAskingForEncryptionIsEncryptedAndItsKeysGuarded() throws Exception {
        try (headwater.testkit.LoopbackHttpServer origin = headwater.testkit.LoopbackHttpServer.serving(dir)) {
            var channels = new headwater.store.catalog.JdbiChannelRepository(server.database(), java.time.Clock.systemUTC());
            channels.create(headwater.domain.catalog.ChannelDraft.of("vault", 30, "Vault")
                    .withSources(List.of(origin.url("/loop.ts"))).withEncrypted(true));
            Viewers.subscriber(server, "catalogue-viewer", 5, "vault");
            String token = Viewers.token(server, "catalogue-viewer", "vault", OutputFormat.HLS, "catalogue");
            URI media = server.multivariantUrl(token, "vault").resolve("media.m3u8");
            HttpResponse<byte[]> playlist = get(media);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (playlist.statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(250);
                playlist = get(media);
            }
            assertThat(playlist.statusCode()).isEqualTo(200);
            PlaylistSegment last = ((MediaPlaylist) new PlaylistParser().parse(playlist.body(), null)).segments()
                    .getLast();
            assertThat(last.key()).as("a catalogue channel with encryption aes-128").isNotNull();
            HttpResponse<byte[]> key = get(media.resolve(last.key().uri()));
            assertThat(key.statusCode()).isEqualTo(200);
            assertThat(SegmentCipher.decrypt(key.body(), last.key().iv(), get(media.resolve(last.uri())).body())[0])
                    .isEqualTo((byte) 0x47);
            refused(path(ch1Token, "/live/vault/" + last.key().uri()));
            refused(path(ch1Token, "/live/ch1/" + last.key().uri()));
        }
    }
}
