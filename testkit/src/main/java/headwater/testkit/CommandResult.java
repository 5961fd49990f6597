package headwater.testkit;

import java.time.Duration;
import java.util.List;

/**
 * How an external command ended.
 *
 * @param command the argument vector that ran (no shell)
 * @param exitCode the process's exit code
 * @param stdout what it wrote to standard output, decoded as UTF-8
 * @param stderr what it wrote to standard error, decoded as UTF-8
 * @param elapsed wall-clock time from start to exit
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr, Duration elapsed) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** This result, or an {@link IllegalStateException} carrying the command, exit code and the tail of stderr. */
    public CommandResult orThrow() {
        if (!succeeded()) {
            throw new IllegalStateException("`" + String.join(" ", command) + "` exited with " + exitCode + " after "
                    + elapsed.toMillis() + " ms; stderr ends with:\n" + tail(stderr, 2_000));
        }
        return this;
    }

    /** Non-empty lines of stderr. */
    public List<String> stderrLines() {
        return stderr.lines().filter(line -> !line.isBlank()).toList();
    }

    static String tail(String text, int max) {
        return text.length() <= max ? text : "..." + text.substring(text.length() - max);
    }
}
