package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.app.config.ChannelConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.HlsConfig;
import headwater.app.config.ServerConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stream keys outlive the process: after a restart on the same data directory and database, the segments encrypted
 * before it (the live window's and the catch-up archive's) are still served with their keys, read back from the
 * database where they are sealed.
 */
class StreamKeyRestartTest {
    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String archiveToken(HeadwaterServer server, long start, String device) {
        Opening opening = server.sessions().service().open(new SessionRequest(Viewers.SUBSCRIBER,
                new PlaybackTarget.Archive("kept", Instant.ofEpochSecond(start), Duration.ofSeconds(600)),
                OutputFormat.HLS, device, null, "test"));
        return ((Opening.Opened) opening).session().token();
    }

    @Test
    void segmentsEncryptedBeforeARestartStayPlayable(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("loop.ts"), Fixtures.bytes(Fixtures.H264_AAC_180P));
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), new HlsConfig(Duration.ofSeconds(1), 3, 1), defaults.health(),
                List.of(new ChannelConfig("kept", "Kept", List.of(file.toUri()), Optional.empty(), Optional.empty(),
                        Viewers.PACKAGES, 1).withEncrypted(true)),
                defaults.metrics(), defaults.database(), defaults.outbound());
        long start = Instant.now().minusSeconds(30).getEpochSecond();
        String window = "/archive/kept/" + start + "-600";
        PlaylistSegment before;
        byte[] keyBefore;
        try (HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG)) {
            assertThat(server.awaitSegments(3, Duration.ofSeconds(60))).isTrue();
            Viewers.subscriber(server, Viewers.SUBSCRIBER, 50);
            URI archive = server.baseUrl().resolve("s/" + archiveToken(server, start, "before") + window + "/");
            HttpResponse<byte[]> playlist = get(archive.resolve("index.m3u8"));
            assertThat(playlist.statusCode()).isEqualTo(200);
            before = ((MediaPlaylist) new PlaylistParser().parse(playlist.body(), null)).segments().getFirst();
            keyBefore = get(archive.resolve(before.key().uri())).body();
            assertThat(keyBefore).hasSize(16);
        }

        try (HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG)) {
            URI archive = server.baseUrl().resolve("s/" + archiveToken(server, start, "after") + window + "/");
            HttpResponse<byte[]> key = get(archive.resolve(before.key().uri()));
            assertThat(key.statusCode()).as("the archived segment's key, from the database").isEqualTo(200);
            assertThat(key.body()).isEqualTo(keyBefore);
            byte[] segment = get(archive.resolve(before.uri())).body();
            assertThat(SegmentCipher.decrypt(key.body(), before.key().iv(), segment)[0]).isEqualTo((byte) 0x47);

            String live = Viewers.token(server, Viewers.SUBSCRIBER, "kept", OutputFormat.HLS, "live-after");
            URI media = server.multivariantUrl(live, "kept").resolve("media.m3u8");
            MediaPlaylist restored = (MediaPlaylist) new PlaylistParser().parse(get(media).body(), null);
            PlaylistSegment first = restored.segments().getFirst();
            HttpResponse<byte[]> liveKey = get(media.resolve(first.key().uri()));
            assertThat(liveKey.statusCode()).as("the live window restored with its keys").isEqualTo(200);
            assertThat(SegmentCipher.decrypt(liveKey.body(), first.key().iv(), get(media.resolve(first.uri())).body())[0])
                    .isEqualTo((byte) 0x47);
        }
    }
}
