package headwater.headend;

import headwater.testkit.CommandResult;
import headwater.testkit.ExternalCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs Debian's ffmpeg and ffprobe (on PATH) for end-to-end checks. */
final class MediaTools {
    record Result(int exit, String out, String err) {}

    private MediaTools() {}

    static Result run(List<String> command) throws IOException, InterruptedException {
        CommandResult r = ExternalCommand.run(command, Duration.ofSeconds(120));
        return new Result(r.exitCode(), r.stdout(), r.stderr());
    }

    /** A 10 s H.264 (an IDR every second) + AAC test stream in MPEG-TS. */
    static void makeTestStream(Path out, int seconds) throws IOException, InterruptedException {
        Result r = run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", String.valueOf(seconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "25", "-c:a", "aac",
                "-f", "mpegts", out.toString()));
        if (r.exit() != 0) {
            throw new IOException("ffmpeg could not make " + out + ": " + r.err());
        }
    }

    /** Decodes every frame; returns ffmpeg's error output (empty when the file decodes cleanly). */
    static String decodeErrors(Path file) throws IOException, InterruptedException {
        Result r = run(List.of("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "null", "-"));
        return r.exit() == 0 ? r.err().strip() : ("exit " + r.exit() + ": " + r.err()).strip();
    }

    /** The codec names ffprobe reports for the streams of {@code file} (each stream once, not again per program). */
    static List<String> codecs(Path file) throws IOException, InterruptedException {
        Result r = run(List.of("ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0",
                file.toString()));
        List<String> out = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (!line.isBlank() && !out.contains(line.strip())) {
                out.add(line.strip());
            }
        }
        return out;
    }
}
