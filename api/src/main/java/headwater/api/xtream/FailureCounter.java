package headwater.api.xtream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per key (a client address, a username) in fixed windows: a window starts with a key's first failure;
 * once {@code limit} failures are counted in it, the key is refused until it ends. Keys whose window is over are
 * dropped when the map grows past {@code maxKeys}, so an attacker cycling through names cannot grow it for ever.
 */
final class FailureCounter {

    /** The shortest Retry-After we announce. */
    private static final Duration MIN_RETRY = Duration.ofSeconds(1);

    private final int limit;
    private final Duration window;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    FailureCounter(int limit, Duration window, int maxKeys, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** How long {@code key} is still refused, or null when it may try. */
    Duration refusedFor(String key) {
        Window current = windows.get(key);
        Instant now = clock.instant();
        if (current == null || current.failures() < limit || !now.isBefore(current.ends())) {
            return null;
        }
        Duration left = Duration.between(now, current.ends());
        return left.compareTo(MIN_RETRY) < 0 ? MIN_RETRY : left;
    }

    void fail(String key) {
        Instant now = clock.instant();
        windows.compute(key, (k, current) -> current == null || !now.isBefore(current.ends())
                ? new Window(now.plus(window), 1) : new Window(current.ends(), current.failures() + 1));
        if (windows.size() > maxKeys) {
            windows.values().removeIf(w -> !now.isBefore(w.ends()));
        }
    }

    void clear(String key) {
        windows.remove(key);
    }

    private record Window(Instant ends, int failures) {
    }
}
