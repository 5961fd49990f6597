package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.app.config.ChannelConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.ServerConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.headend.Channel;
import headwater.testkit.Chromium;
import headwater.testkit.Playback;
import headwater.testkit.PlaybackSample;
import headwater.testkit.Tools;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failover proof with a real player watching: Debian's Chromium plays a channel whose preferred source is
 * a live ffmpeg process; the process is killed, the channel goes to its backup and later back to a new ffmpeg process,
 * and the browser's video time keeps advancing through both switches with no media error.
 *
 * <p>The switch time itself (within two target durations on the program clock) is asserted by the headend's
 * {@code HeadendEndToEndTest}; this test asserts what a viewer sees.
 */
class FailoverPlaybackTest {

    private static final Duration TARGET = Duration.ofSeconds(2);

    @Test
    void the_player_keeps_playing_through_a_failover_and_back(@TempDir Path dir) throws Exception {
        Path ffmpegBinary = Tools.requireFfmpeg();
        headwater.testkit.Ffmpeg render = headwater.testkit.Ffmpeg.require();
        Path primary = render.renderTestPatternTs(dir.resolve("primary.ts"), 320, 180, Duration.ofSeconds(8));
        Path backup = render.renderTestPatternTs(dir.resolve("backup.ts"), 320, 180, Duration.ofSeconds(8));

        String id = "failover";
        // The preferred source is a live ffmpeg process (killable); the backup a file loop.
        URI live = URI.create("ffmpeg:" + primary.toUri().getRawPath() + "#re&loop");
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), defaults.hls(), defaults.health(),
                List.of(new ChannelConfig(id, "Failover", List.of(live, backup.toUri()), Optional.empty(),
                        Optional.of(TARGET), Viewers.PACKAGES)),
                defaults.metrics(), defaults.database(), defaults.outbound());

        try (HeadwaterServer server = HeadwaterServer.start(config, new Ffmpeg(ffmpegBinary, FfmpegOrigin.PATH, "test"));
                Chromium chromium = Chromium.launch()) {
            assertThat(server.awaitSegments(3, Duration.ofSeconds(60))).as("three segments to join on").isTrue();
            Channel channel = server.headend().channel(id);

            CompletableFuture<Playback> watching = CompletableFuture.supplyAsync(
                    () -> chromium.play(Viewers.hls(server, id).toString(), Duration.ofSeconds(40)));

            // Let the player start on the preferred source, then kill that ffmpeg process.
            Thread.sleep(10_000);
            assertThat(channel.state().sourceIndex()).as(channel.state().toString()).isZero();
            long switchesBefore = channel.state().switches();
            List<ProcessHandle> ffmpegs = ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false))
                    .toList();
            assertThat(ffmpegs).as("the live source's ffmpeg process").isNotEmpty();
            ffmpegs.forEach(ProcessHandle::destroyForcibly);

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .alias("channel on its backup").until(() -> channel.state().sourceIndex() == 1);
            await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(100))
                    .alias("channel back on a new ffmpeg process").until(() -> channel.state().sourceIndex() == 0);

            Playback playback = watching.get();
            System.out.println("failover playback: longest stall " + longestStall(playback).toMillis() + " ms; "
                    + playback);
            assertThat(channel.state().switches()).as(channel.state().toString()).isEqualTo(switchesBefore + 2);
            assertThat(playback.errors()).as(playback.toString()).isEmpty();
            assertThat(playback.maxReadyState()).as(playback.toString()).isGreaterThanOrEqualTo(2);
            assertThat(playback.videoWidth()).as(playback.toString()).isEqualTo(320);

            // Media time advanced over the whole watch, and still advances at its end: after the switch back.
            assertThat(playback.timeAdvanced()).as(playback.toString()).isGreaterThan(15);
            List<PlaybackSample> samples = playback.samples();
            PlaybackSample lastButFour = samples.get(samples.size() - 5);
            assertThat(playback.last().currentTime()).as("still playing at the end: " + playback)
                    .isGreaterThan(lastButFour.currentTime());
        }
    }

    /** The longest wall-clock stretch over which the video's time did not move, after it first started. */
    private static Duration longestStall(Playback playback) {
        Duration longest = Duration.ZERO;
        PlaybackSample since = null;
        for (PlaybackSample s : playback.samples()) {
            if (s.currentTime() <= 0) {
                continue;
            }
            if (since == null || s.currentTime() > since.currentTime()) {
                since = s;
            } else if (s.at().minus(since.at()).compareTo(longest) > 0) {
                longest = s.at().minus(since.at());
            }
        }
        return longest;
    }
}
