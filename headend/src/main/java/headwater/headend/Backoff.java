package headwater.headend;

import java.time.Duration;

/**
 * How long a dead source rests before it is tried again: {@code initial}, doubling with each consecutive failure, at
 * most {@code max}. A channel never retries a dead source in a loop faster than this.
 */
public record Backoff(Duration initial, Duration max) {
    public static final Backoff DEFAULTS = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    public Backoff {
        if (initial == null || initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("backoff.initial must be positive, got " + initial);
        }
        if (max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff.max must be at least backoff.initial (" + initial + "), got " + max);
        }
    }

    /** The rest after {@code failures} consecutive failures (1 = the first failure). */
    public Duration delay(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - 1, 30);
        Duration d = initial.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }
}
