package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.app.config.ChannelConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.ServerConfig;
import headwater.app.config.TlsConfig;
import headwater.app.demo.DemoLoop;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.testkit.Chromium;
import headwater.testkit.Playback;
import headwater.testkit.Tools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's Chromium, headless, plays a demo channel's HLS from the running server over HTTPS (its self-signed
 * certificate trusted by its key, nothing else): the video's time advances.
 */
class DemoPlaybackTest {

    @Test
    void chromium_plays_the_sd_demo_channel(@TempDir Path dir) throws InterruptedException {
        Ffmpeg ffmpeg = new Ffmpeg(Tools.requireFfmpeg(), FfmpegOrigin.PATH, "test");
        DemoLoop loop = DemoLoops.SD;
        Path file = DemoLoops.sd(ffmpeg, dir);
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), defaults.hls(), defaults.health(),
                List.of(new ChannelConfig(loop.id(), loop.name(), List.of(file.toUri()), Optional.empty(),
                        Optional.of(Duration.ofSeconds(2)), Viewers.PACKAGES)),
                defaults.metrics(), defaults.database(), defaults.outbound()).withTls(TlsConfig.defaults());

        try (HeadwaterServer server = HeadwaterServer.start(config, ffmpeg);
                Chromium chromium = Chromium.launchTrusting(spki(server))) {
            // A player gives up on a 503 and wants a few segments to start on, so join once the window has three,
            // as a viewer of a running channel does.
            assertThat(server.awaitSegments(3, Duration.ofSeconds(60))).as("three segments to join on").isTrue();

            String url = Viewers.hls(server, loop.id()).toString();
            assertThat(url).startsWith("https://127.0.0.1:");
            Playback playback = chromium.play(url, Duration.ofSeconds(15));

            assertThat(playback.errors()).as(playback.toString()).isEmpty();
            assertThat(playback.last().currentTime()).as("video time advances: " + playback).isGreaterThan(3.0);
            assertThat(playback.videoWidth()).as(playback.toString()).isEqualTo(640);
        }
    }

    /** The base64 SHA-256 of the server certificate's public key, which Chromium is told to trust. */
    private static String spki(HeadwaterServer server) {
        try {
            byte[] key = server.tls().orElseThrow().identity().leaf().getPublicKey().getEncoded();
            return java.util.Base64.getEncoder().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(key));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
