package headwater.headend.source;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.media.ts.TsPacket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small TS files made by the real ffmpeg on PATH, and checks on TS bytes. */
final class TsFixtures {
    private TsFixtures() {}

    /** Runs ffmpeg with these arguments (after -hide_banner -loglevel error -y) and fails the test if it fails. */
    static void ffmpeg(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ffmpeg finished").isTrue();
        assertThat(p.exitValue()).as("ffmpeg %s: %s", cmd, out).isZero();
    }

    /**
     * A TS clip of {@code seconds} with H.264 video at 25 fps (keyframe every second) and AAC audio, as ffmpeg
     * muxes it (PCR on the video PID).
     */
    static Path clip(Path dir, String name, int seconds, String... extraOutputArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", String.valueOf(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-bf", "2",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k"));
        args.addAll(List.of(extraOutputArgs));
        args.addAll(List.of("-f", "mpegts", name));
        ffmpeg(dir, args.toArray(String[]::new));
        Path file = dir.resolve(name);
        assertThat(Files.size(file)).isPositive();
        return file;
    }

    /** Asserts that the bytes are whole TS packets, each starting with the sync byte. */
    static void assertPackets(byte[] ts, int length) {
        assertThat(length % TsPacket.SIZE).as("whole packets").isZero();
        for (int off = 0; off < length; off += TsPacket.SIZE) {
            assertThat(ts[off]).as("sync byte at %d", off).isEqualTo(TsPacket.SYNC_BYTE);
        }
    }
}
