package headwater.app.config;

import java.time.Duration;
import java.util.Objects;

/**
 * When a source counts as unhealthy, and how long a dead source rests before it is tried again.
 *
 * @param noDataTimeout        no bytes at all for this long
 * @param noVideoTimeout       no video access unit for this long
 * @param maxCcErrorsPerSecond more continuity-counter errors per second than this
 * @param probation            a recovering preferred source must deliver a keyframe within this time to be switched back to
 * @param backoffInitial       first rest after a failure; doubles on each further failure
 * @param backoffMax           the longest rest
 */
public record HealthConfig(
        Duration noDataTimeout,
        Duration noVideoTimeout,
        int maxCcErrorsPerSecond,
        Duration probation,
        Duration backoffInitial,
        Duration backoffMax) {

    public static final Duration DEFAULT_NO_DATA_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_NO_VIDEO_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_CC_ERRORS_PER_SECOND = 50;
    public static final Duration DEFAULT_PROBATION = Duration.ofSeconds(5);
    public static final Duration DEFAULT_BACKOFF_INITIAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(30);

    public HealthConfig {
        Objects.requireNonNull(noDataTimeout, "noDataTimeout");
        Objects.requireNonNull(noVideoTimeout, "noVideoTimeout");
        Objects.requireNonNull(probation, "probation");
        Objects.requireNonNull(backoffInitial, "backoffInitial");
        Objects.requireNonNull(backoffMax, "backoffMax");
    }

    public static HealthConfig defaults() {
        return new HealthConfig(DEFAULT_NO_DATA_TIMEOUT, DEFAULT_NO_VIDEO_TIMEOUT, DEFAULT_MAX_CC_ERRORS_PER_SECOND, DEFAULT_PROBATION,
                DEFAULT_BACKOFF_INITIAL, DEFAULT_BACKOFF_MAX);
    }
}
