package headwater.api.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slows down password guessing without ever locking an owner out. Failures are counted per attempted username and
 * client address together, and per client address alone; after a few free failures each further one doubles the wait
 * before that key may try again (1 s, 2 s, 4 s, ... at most 15 minutes), and a key that stays quiet for an hour is
 * forgotten. There is no per-username lock: someone guessing alice's password from elsewhere slows only themselves,
 * and alice still logs in from her own address. Across all keys, more than {@link #GLOBAL_PER_MINUTE} failures in a
 * minute (credential stuffing from many addresses) delay every answer by {@link #GLOBAL_DELAY} — a delay, never a
 * refusal. Keys are usernames as typed, whether they exist or not, so throttling says nothing about which exist.
 */
final class LoginThrottle {

    static final int FREE_PER_ACCOUNT_AND_ADDRESS = 5;
    static final int FREE_PER_ADDRESS = 20;
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final int GLOBAL_PER_MINUTE = 300;
    static final Duration GLOBAL_DELAY = Duration.ofSeconds(1);
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, Failures> byAccountAndAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final AtomicLong globalMinute = new AtomicLong();
    private final AtomicLong globalCount = new AtomicLong();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long an attempt for {@code username} from {@code address} must still wait, or null when it may try. */
    Duration waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration a = wait(byAccountAndAddress.get(key(username, address)), now);
        Duration b = wait(byAddress.get(address), now);
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    /** Whether failures everywhere are so many that every answer should be delayed by {@link #GLOBAL_DELAY}. */
    boolean globalSlowdown() {
        long minute = clock.millis() / 60_000;
        return globalMinute.get() == minute && globalCount.get() > GLOBAL_PER_MINUTE;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        count(byAccountAndAddress, key(username, address), FREE_PER_ACCOUNT_AND_ADDRESS, now);
        count(byAddress, address, FREE_PER_ADDRESS, now);
        long minute = now.toEpochMilli() / 60_000;
        if (globalMinute.getAndSet(minute) != minute) {
            globalCount.set(0);
        }
        globalCount.incrementAndGet();
    }

    /** A success forgets the failures of this username from this address (never the address's own). */
    void succeeded(String username, String address) {
        byAccountAndAddress.remove(key(username, address));
    }

    private static String key(String username, String address) {
        return (username == null ? "" : username.toLowerCase(java.util.Locale.ROOT)) + "\n" + address;
    }

    private static Duration wait(Failures failures, Instant now) {
        if (failures == null || !now.isBefore(failures.nextAllowed())
                || !now.isBefore(failures.last().plus(FORGET_AFTER))) {
            return null;
        }
        Duration left = Duration.between(now, failures.nextAllowed());
        return left.compareTo(FIRST_DELAY) < 0 ? FIRST_DELAY : left;
    }

    private static void count(Map<String, Failures> map, String key, int free, Instant now) {
        map.compute(key, (k, current) -> {
            int count = current == null || !now.isBefore(current.last().plus(FORGET_AFTER)) ? 1 : current.count() + 1;
            return new Failures(count, now, now.plus(delay(count, free)));
        });
        if (map.size() > MAX_KEYS) {
            map.values().removeIf(f -> !now.isBefore(f.last().plus(FORGET_AFTER)));
        }
    }

    /** Zero for the free failures, then 1 s doubling up to {@link #MAX_DELAY}. */
    static Duration delay(int count, int free) {
        if (count <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - free - 1, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private record Failures(int count, Instant last, Instant nextAllowed) {
    }
}
