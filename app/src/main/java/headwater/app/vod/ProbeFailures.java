package headwater.app.vod;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The failed probes of this process, so that a source that is not media (or not reachable) is reported once and
 * retried with a growing delay instead of at every scan: after {@link #FIRST_RETRY}, then twice as long each time, up
 * to {@link #MAX_RETRY}. A failure belongs to one source: when the film's source changes, it is forgotten and the new
 * source is probed at once. Kept in memory (no column holds it): a restart probes each failed source once more.
 */
final class ProbeFailures {

    static final Duration FIRST_RETRY = Duration.ofMinutes(10);
    static final Duration MAX_RETRY = Duration.ofDays(1);

    private record Failure(URI source, Instant retryAfter, Duration delay) {
    }

    private final Map<String, Failure> failures = new HashMap<>();

    /** Records a failure of {@code source}; returns true when it is the first for this source (to be logged). */
    synchronized boolean record(String key, URI source, Instant now) {
        Failure previous = failures.get(key);
        boolean first = previous == null || !previous.source().equals(source);
        Duration delay = first ? FIRST_RETRY : min(previous.delay().multipliedBy(2), MAX_RETRY);
        failures.put(key, new Failure(source, now.plus(delay), delay));
        return first;
    }

    /** Whether {@code source} failed and its retry is not due yet. */
    synchronized boolean waiting(String key, URI source, Instant now) {
        Failure failure = failures.get(key);
        return failure != null && failure.source().equals(source) && now.isBefore(failure.retryAfter());
    }

    synchronized void forget(String key) {
        failures.remove(key);
    }

    /** Keeps only the failures of these keys (the films and episodes that still exist). */
    synchronized void retain(java.util.Set<String> keys) {
        failures.keySet().retainAll(keys);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
