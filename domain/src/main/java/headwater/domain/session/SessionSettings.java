package headwater.domain.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link SessionService} opens and keeps sessions.
 *
 * @param lifetime             how long a session (and its token) lasts: {@code sessions.lifetime}
 * @param policy               what a subscriber at the limit gets: {@code sessions.limitPolicy}
 * @param nodeId               this node's id, written into the sessions it admits: {@code server.nodeId}
 * @param bindToAddress        whether a session only serves the address it was opened from:
 *                             {@code sessions.bindToAddress}
 * @param retryAfter           what a client refused for capacity is told to wait: {@code sessions.retryAfter}
 * @param reportInterval       how often {@link SessionService#tick()} runs and reports activity to the registry; a
 *                             session goes idle after no less than three of them (see {@link #idleAfter})
 * @param defaultBitsPerSecond what a channel that has not measured its bitrate yet reserves:
 *                             {@code sessions.defaultBitrate}
 */
public record SessionSettings(Duration lifetime, LimitPolicy policy, String nodeId, boolean bindToAddress,
                              Duration retryAfter, Duration reportInterval, long defaultBitsPerSecond) {

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REPORT_INTERVAL = Duration.ofSeconds(2);
    public static final long DEFAULT_BITS_PER_SECOND = 8_000_000L;

    public SessionSettings {
        positive("lifetime", lifetime);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(nodeId, "nodeId");
        if (nodeId.isBlank()) {
            throw new IllegalArgumentException("nodeId is blank");
        }
        positive("retryAfter", retryAfter);
        positive("reportInterval", reportInterval);
        if (defaultBitsPerSecond <= 0) {
            throw new IllegalArgumentException("defaultBitsPerSecond must be positive: " + defaultBitsPerSecond);
        }
    }

    /** The defaults of the configuration for node {@code nodeId}: 24 h, refuse new, unbound, 10 s, 2 s, 8 Mbit/s. */
    public static SessionSettings defaults(String nodeId) {
        return new SessionSettings(DEFAULT_LIFETIME, LimitPolicy.REFUSE_NEW, nodeId, false, DEFAULT_RETRY_AFTER,
                DEFAULT_REPORT_INTERVAL, DEFAULT_BITS_PER_SECOND);
    }

    public SessionSettings withPolicy(LimitPolicy newPolicy) {
        return new SessionSettings(lifetime, newPolicy, nodeId, bindToAddress, retryAfter, reportInterval,
                defaultBitsPerSecond);
    }

    public SessionSettings withBindToAddress(boolean newBindToAddress) {
        return new SessionSettings(lifetime, policy, nodeId, newBindToAddress, retryAfter, reportInterval,
                defaultBitsPerSecond);
    }

    /**
     * The silence after which a session of this rendition is idle: two target durations (an HLS player reloads its
     * media playlist every target duration), but at least three report intervals, so that the registry, which learns
     * of activity once per interval, never takes a playing session for a silent one.
     */
    public Duration idleAfter(Rendition rendition) {
        Duration twoTargets = rendition.targetDuration().multipliedBy(2);
        Duration threeReports = reportInterval.multipliedBy(3);
        return twoTargets.compareTo(threeReports) >= 0 ? twoTargets : threeReports;
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
