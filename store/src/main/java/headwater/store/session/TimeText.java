package headwater.store.session;

import java.time.Duration;
import java.time.Instant;

/**
 * Instants and durations as Redis stores them: {@code <seconds>.<nanoseconds, 9 digits>}, exact to the nanosecond
 * and readable in {@code redis-cli}. The Lua scripts compare them as two integers.
 */
final class TimeText {

    private static final int NANO_DIGITS = 9;

    private TimeText() {
    }

    static String of(Instant instant) {
        return text(instant.getEpochSecond(), instant.getNano());
    }

    static String of(Duration duration) {
        return text(duration.getSeconds(), duration.getNano());
    }

    static Instant instant(String field, String text) {
        long[] parts = parts(field, text);
        return Instant.ofEpochSecond(parts[0], parts[1]);
    }

    static Duration duration(String field, String text) {
        long[] parts = parts(field, text);
        return Duration.ofSeconds(parts[0], parts[1]);
    }

    private static String text(long seconds, int nanos) {
        String digits = Integer.toString(nanos);
        return seconds + "." + "0".repeat(NANO_DIGITS - digits.length()) + digits;
    }

    private static long[] parts(String field, String text) {
        int dot = text == null ? -1 : text.indexOf('.');
        if (dot < 1 || text.length() - dot - 1 != NANO_DIGITS) {
            throw new IllegalStateException("session field " + field + " is not <seconds>.<9 digits>: " + text);
        }
        try {
            return new long[] {Long.parseLong(text, 0, dot, 10), Long.parseLong(text, dot + 1, text.length(), 10)};
        } catch (NumberFormatException e) {
            throw new IllegalStateException("session field " + field + " is not <seconds>.<9 digits>: " + text, e);
        }
    }
}
