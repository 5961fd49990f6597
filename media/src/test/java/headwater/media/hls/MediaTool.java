package headwater.media.hls;

import headwater.testkit.CommandResult;
import headwater.testkit.ExternalCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs Debian's ffmpeg and ffprobe (on PATH) for tests, and reports what they printed. */
public final class MediaTool {
    private MediaTool() {}

    /** What a finished tool run printed. */
    public record Result(int exitCode, String stdout, String stderr) {}

    public static Result run(Path workDir, String... command) {
        CommandResult r = ExternalCommand.run(List.of(command), Duration.ofSeconds(120), workDir);
        return new Result(r.exitCode(), r.stdout(), r.stderr());
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
