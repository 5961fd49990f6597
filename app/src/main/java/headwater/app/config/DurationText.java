package headwater.app.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in configuration: a whole number and one unit, {@code 500ms}, {@code 4s},
 * {@code 10m}, {@code 1h}, {@code 1d}.
 */
public final class DurationText {

    /** How a bad value is explained, so every message says the same thing. */
    public static final String EXPECTED = "a whole number and a unit (ms, s, m, h, d), such as 500ms, 4s, 10m, 1h or 1d";

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");

    private DurationText() {
    }

    /** The duration {@code text} denotes, or empty when it is not of the accepted shape. */
    public static Optional<Duration> parse(String text) {
        Matcher m = SHAPE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }

    /** {@code duration} in the largest unit that represents it exactly: {@code 4s}, {@code 1500ms}, {@code 2h}. */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms != 0 && ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1_000 == 0) {
            return ms / 1_000 + "s";
        }
        return ms + "ms";
    }
}
