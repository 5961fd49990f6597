package headwater.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program with an argument vector (never through a shell), a timeout, and both output streams captured to
 * temporary files (so a chatty process never blocks on a full pipe). On timeout the process and its descendants are
 * killed and an {@link IllegalStateException} names the command and shows the end of its stderr.
 */
public final class ExternalCommand {

    private ExternalCommand() {}

    public static CommandResult run(List<String> command, Duration timeout) {
        return run(command, timeout, null);
    }

    /** Like {@link #run(List, Duration)}, in {@code directory} (null: this process's current directory). */
    public static CommandResult run(List<String> command, Duration timeout, Path directory) {
        List<String> argv = List.copyOf(command);
        Path out = null;
        Path err = null;
        long start = System.nanoTime();
        try {
            out = Files.createTempFile("headwater-cmd-", ".out");
            err = Files.createTempFile("headwater-cmd-", ".err");
            Process process = new ProcessBuilder(argv)
                    .directory(directory == null ? null : directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            boolean exited;
            try {
                exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                kill(process);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for `" + String.join(" ", argv) + "`", e);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (!exited) {
                kill(process);
                throw new IllegalStateException("`" + String.join(" ", argv) + "` did not finish within " + timeout
                        + " and was killed; stderr ends with:\n"
                        + CommandResult.tail(Files.readString(err, StandardCharsets.UTF_8), 2_000));
            }
            return new CommandResult(argv, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), elapsed);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run `" + String.join(" ", argv) + "`", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
