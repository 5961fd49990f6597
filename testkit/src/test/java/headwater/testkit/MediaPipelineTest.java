package headwater.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the helpers on this machine, end to end: ffmpeg renders a short HLS rendition, the JDK server serves it on
 * 127.0.0.1, ffprobe and a full decode see what was rendered, and Debian's headless Chromium plays it natively.
 */
class MediaPipelineTest {

    @TempDir
    static Path dir;
    static Path playlist;

    @BeforeAll
    static void render() {
        playlist = Ffmpeg.require().renderTestPatternHls(dir, 320, 240, Duration.ofSeconds(8), Duration.ofSeconds(2));
    }

    @Test
    void ffprobeReadsCodecsAndGeometryOfASegment() {
        ProbedMedia media = Ffprobe.streams(dir.resolve("seg000.ts"));

        assertThat(media.formatName()).isEqualTo("mpegts");
        assertThat(media.codecNames()).containsExactlyInAnyOrder("h264", "aac");
        ProbedStream video = media.video().orElseThrow();
        assertThat(video.profile()).isEqualTo("Constrained Baseline");
        assertThat(video.width()).isEqualTo(320);
        assertThat(video.height()).isEqualTo(240);
        assertThat(video.frameRate()).isEqualTo(25.0);
        ProbedStream audio = media.audio().orElseThrow();
        assertThat(audio.profile()).isEqualTo("LC");
        assertThat(audio.sampleRate()).isEqualTo(48_000);
        assertThat(audio.channels()).isEqualTo(2);
        assertThat(media.duration()).isBetween(1.5, 2.5);
    }

    @Test
    void packetsCarryTimestampsAndKeyframesPerStream() {
        Map<Integer, List<ProbedPacket>> packets = Ffprobe.packets(dir.resolve("seg000.ts"));

        int videoIndex = Ffprobe.streams(dir.resolve("seg000.ts")).video().orElseThrow().index();
        List<ProbedPacket> video = packets.get(videoIndex);
        // 2 s at 25 fps, a keyframe every 25 frames, starting on one.
        assertThat(video).hasSize(50);
        assertThat(video.getFirst().keyframe()).isTrue();
        assertThat(video.stream().filter(ProbedPacket::keyframe)).hasSize(2);
        assertThat(video.getFirst().pts()).isNotEqualTo(ProbedPacket.NO_TIMESTAMP);
        // Baseline has no B-frames: pts == dts and each frame lasts 3600 ticks of 90 kHz.
        assertThat(video.get(1).dts() - video.get(0).dts()).isEqualTo(3600);
        assertThat(packets).hasSize(2);
    }

    @Test
    void aCleanRenditionDecodesWithoutErrorsFromAFileAndOverHttp() {
        assertThat(Ffprobe.decodeErrors(playlist)).isEmpty();
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(dir)) {
            String url = server.url("/index.m3u8").toString();
            assertThat(Ffprobe.decodeErrors(url)).isEmpty();
            assertThat(Ffprobe.decodeErrors(url, Duration.ofSeconds(2))).isEmpty();
            assertThat(Ffprobe.streams(url).video().orElseThrow().width()).isEqualTo(320);
            assertThat(server.requests()).contains("/index.m3u8", "/seg000.ts", "/seg003.ts");
        }
    }

    @Test
    void decodeErrorsReportsACorruptedSegment() throws IOException {
        byte[] segment = Files.readAllBytes(dir.resolve("seg001.ts"));
        // Flip bits in the payload of packets in the middle of the segment, keeping the 4-byte headers.
        for (int packet = 20; packet < 60; packet++) {
            for (int i = packet * 188 + 8; i < packet * 188 + 188; i += 3) {
                segment[i] ^= (byte) 0x5A;
            }
        }
        Path corrupt = Files.write(dir.resolve("corrupt.ts"), segment);

        assertThat(Ffprobe.decodeErrors(corrupt)).isNotEmpty();
    }

    @Test
    void chromiumPlaysTheRenditionNatively() {
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(dir); Chromium chromium = Chromium.launch()) {
            // A bare playlist URL: Chromium.play wraps it in its own player page, served from another port.
            Playback playback = chromium.play(server.url("/index.m3u8").toString(), Duration.ofSeconds(4));
            System.out.println(playback);

            assertThat(playback.errors()).as(playback.toString()).isEmpty();
            assertThat(playback.maxReadyState()).as(playback.toString()).isGreaterThanOrEqualTo(2);
            assertThat(playback.videoWidth()).as(playback.toString()).isEqualTo(320);
            assertThat(playback.timeAdvanced()).as(playback.toString()).isGreaterThan(1.0);
            assertThat(server.requests()).contains("/index.m3u8", "/seg000.ts");

            // The caller's own page on the same origin as the stream.
            Playback samePage = chromium.play(server.playerPage("/index.m3u8").toString(), Duration.ofSeconds(2));
            assertThat(samePage.timeAdvanced()).as(samePage.toString()).isGreaterThan(0);
        }
    }
}
