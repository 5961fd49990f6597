package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.app.config.ChannelConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.ServerConfig;
import headwater.app.demo.DemoFont;
import headwater.app.demo.DemoLoop;
import headwater.app.demo.DemoMedia;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegCapabilities;
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

/** Debian's Chromium, headless, plays a demo channel's HLS from the running server: the video's time advances. */
class DemoPlaybackTest {

    @Test
    void chromium_plays_the_sd_demo_channel(@TempDir Path dir) throws InterruptedException {
        Ffmpeg ffmpeg = new Ffmpeg(Tools.requireFfmpeg(), FfmpegOrigin.PATH, "test");
        DemoLoop loop = DemoLoop.standard().get(1);
        Path file = new DemoMedia(ffmpeg, FfmpegCapabilities.probe(ffmpeg.executable()),
                DemoFont.locate(Optional.empty(), DemoFont.COMMON), dir.resolve("demo"), Duration.ofSeconds(6))
                .render(List.of(loop)).getFirst();
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), defaults.hls(), defaults.health(),
                List.of(new ChannelConfig(loop.id(), loop.name(), List.of(file.toUri()), Optional.empty(),
                        Optional.of(Duration.ofSeconds(2)), Viewers.PACKAGES)),
                defaults.metrics(), defaults.database(), defaults.outbound());

        try (HeadwaterServer server = HeadwaterServer.start(config, ffmpeg);
                Chromium chromium = Chromium.launch()) {
            // A player gives up on a 503 and wants a few segments to start on, so join once the window has three,
            // as a viewer of a running channel does.
            assertThat(server.awaitSegments(3, Duration.ofSeconds(60))).as("three segments to join on").isTrue();

            Playback playback = chromium.play(Viewers.hls(server, loop.id()).toString(), Duration.ofSeconds(15));

            assertThat(playback.errors()).as(playback.toString()).isEmpty();
            assertThat(playback.last().currentTime()).as("video time advances: " + playback).isGreaterThan(3.0);
            assertThat(playback.videoWidth()).as(playback.toString()).isEqualTo(640);
        }
    }
}
