package headwater.media.hls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's ffmpeg and ffprobe (on PATH) for tests, and reports what they printed. */
public final class MediaTool {
    private MediaTool() {}

    /** What a finished tool run printed. */
    public record Result(int exitCode, String stdout, String stderr) {}

    public static Result run(Path workDir, String... command) {
        try {
            Path out = Files.createTempFile(workDir, "tool", ".out");
            Path err = Files.createTempFile(workDir, "tool", ".err");
            Process p = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command that must succeed; returns its standard output. */
    public static String check(Path workDir, String... command) {
        Result r = run(workDir, command);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + r.exitCode() + ": "
                    + r.stderr());
        }
        return r.stdout();
    }

    /** ffmpeg -v error -y with the given arguments. */
    public static void ffmpeg(Path workDir, String... args) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-y"));
        command.addAll(List.of(args));
        check(workDir, command.toArray(String[]::new));
    }

    /** ffprobe -v error with the given arguments; returns stdout, fails if it exits non-zero. */
    public static Result ffprobe(Path workDir, String... args) {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-hide_banner", "-v", "error"));
        command.addAll(List.of(args));
        return run(workDir, command.toArray(String[]::new));
    }
}
