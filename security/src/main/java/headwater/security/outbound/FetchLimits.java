package headwater.security.outbound;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of one download.
 *
 * @param maxBytes     the most bytes read, counted both as received and after gzip decoding (a 10 KB gzip bomb that
 *                     inflates to 10 GB stops at this many decoded bytes)
 * @param totalTime    from the first DNS lookup to the last byte, redirects included (a slow drip of one byte a
 *                     second never trips the idle limit, this one it does)
 * @param idleTime     the longest wait for the next bytes of the response
 * @param connectTime  the longest wait for one TCP connection (and, within the idle limit, its TLS handshake)
 * @param maxRedirects redirects followed, each checked like the first URL
 */
public record FetchLimits(long maxBytes, Duration totalTime, Duration idleTime, Duration connectTime, int maxRedirects) {

    /** 512 MiB, 10 minutes in all, 30 s idle, 10 s to connect, 5 redirects. */
    public static final FetchLimits DEFAULTS = new FetchLimits(512L << 20, Duration.ofMinutes(10), Duration.ofSeconds(30),
            Duration.ofSeconds(10), 5);

    public FetchLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        positive("totalTime", totalTime);
        positive("idleTime", idleTime);
        positive("connectTime", connectTime);
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("maxRedirects must be between 0 and 20, got " + maxRedirects);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    public FetchLimits withMaxBytes(long bytes) {
        return new FetchLimits(bytes, totalTime, idleTime, connectTime, maxRedirects);
    }

    public FetchLimits withTotalTime(Duration time) {
        return new FetchLimits(maxBytes, time, idleTime, connectTime, maxRedirects);
    }

    public FetchLimits withIdleTime(Duration time) {
        return new FetchLimits(maxBytes, totalTime, time, connectTime, maxRedirects);
    }
}
