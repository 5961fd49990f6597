package headwater.app.config;

import headwater.domain.session.LimitPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Playback sessions ({@code sessions.*}).
 *
 * @param lifetime              how long a session's token works after it is opened
 * @param limitPolicy           what a subscriber at their concurrent-stream limit gets when opening one more
 * @param bindToAddress         a session opened with a client address only plays from that address
 * @param retryAfter            the {@code Retry-After} of a 503 when the node's egress capacity is full
 * @param defaultBitsPerSecond  reserved for a channel that runs but has not measured its bitrate yet
 */
public record SessionsConfig(Duration lifetime, LimitPolicy limitPolicy, boolean bindToAddress, Duration retryAfter,
                             long defaultBitsPerSecond) {

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);
    public static final long DEFAULT_BITS_PER_SECOND = 8_000_000L;

    public SessionsConfig {
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(limitPolicy, "limitPolicy");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public static SessionsConfig defaults() {
        return new SessionsConfig(DEFAULT_LIFETIME, LimitPolicy.REFUSE_NEW, false, DEFAULT_RETRY_AFTER,
                DEFAULT_BITS_PER_SECOND);
    }

    /** {@code refuse-new} or {@code end-oldest}, as written in the configuration. */
    public static String policyName(LimitPolicy policy) {
        return policy.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
