package headwater.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real tools the tests drive (Debian's ffmpeg, ffprobe, chromium, chromedriver) and decides what a test does
 * when one is missing: on a developer machine the test is skipped with a message saying what to install; under
 * {@code CI=true} it fails, because CI installs them ({@code .ci/run}) and a silently skipped proof is no proof.
 */
public final class Tools {

    private Tools() {}

    /** The first executable named {@code name} on {@code PATH}, if any. */
    public static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        for (String dir : path.split(Pattern.quote(java.io.File.pathSeparator))) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether this run is CI's ({@code CI=true} in the environment), where missing tools fail instead of skip. */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The executable {@code name} on PATH, or skips (fails under CI) the calling test naming the Debian package. */
    public static Path require(String name, String debianPackage) {
        return onPath(name).orElseGet(() -> missing(name + " is not on PATH (" + System.getenv("PATH")
                + "); install Debian's package: apt-get install " + debianPackage));
    }

    /** The executable at a fixed location (as Debian installs it), or skips (fails under CI) the calling test. */
    public static Path require(Path executable, String debianPackage) {
        if (Files.isRegularFile(executable) && Files.isExecutable(executable)) {
            return executable;
        }
        return missing(executable + " is missing; install Debian's package: apt-get install " + debianPackage);
    }

    public static Path requireFfmpeg() {
        return require("ffmpeg", "ffmpeg");
    }

    public static Path requireFfprobe() {
        return require("ffprobe", "ffmpeg");
    }

    /** Skips the test (JUnit assumption), or fails it under {@code CI=true}. Never returns normally. */
    static <T> T missing(String message) {
        if (underCi()) {
            return Assertions.fail("CI=true and a required tool is missing: " + message);
        }
        Assumptions.abort("skipped: " + message + " (under CI=true this fails instead)");
        throw new AssertionError("unreachable");
    }
}
