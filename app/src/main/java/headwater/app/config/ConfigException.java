package headwater.app.config;

import java.util.List;

/**
 * The configuration cannot be used. Each problem names where it comes from (file and line, environment variable or
 * command-line option), the key, and what was expected:
 * {@code headwater.yml:7: hls.targetDuration must be between 1s and 30s, got 45s}.
 */
public final class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /** One line per problem, in the order they were found. */
    public List<String> problems() {
        return problems;
    }
}
