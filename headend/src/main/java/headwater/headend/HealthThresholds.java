package headwater.headend;

import java.time.Duration;

/**
 * When a source counts as failed, and what a recovering source must show before the channel switches back to it.
 *
 * @param noData a source that delivers no byte for this long is closed and failed over
 * @param noVideo a source that carried video (in this session or before) and shows no video access unit for this long
 *     is failed over; a source that shows no usable program at all for this long is failed over too
 * @param ccErrorsPerSecond continuity-counter errors per second above which the source counts as broken
 * @param probation a recovering source must deliver data and a keyframe within this time to be switched back to
 */
public record HealthThresholds(Duration noData, Duration noVideo, double ccErrorsPerSecond, Duration probation) {
    public static final HealthThresholds DEFAULTS =
            new HealthThresholds(Duration.ofSeconds(5), Duration.ofSeconds(10), 50, Duration.ofSeconds(5));

    public HealthThresholds {
        requirePositive("health.noData", noData);
        requirePositive("health.noVideo", noVideo);
        requirePositive("health.probation", probation);
        if (!(ccErrorsPerSecond > 0) || Double.isInfinite(ccErrorsPerSecond)) {
            throw new IllegalArgumentException("health.ccErrorsPerSecond must be a positive number, got " + ccErrorsPerSecond);
        }
    }

    private static void requirePositive(String field, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be a positive duration, got " + d);
        }
    }
}
