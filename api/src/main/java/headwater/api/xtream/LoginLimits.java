package headwater.api.xtream;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link StoreXtreamLogin} caches and throttles.
 *
 * @param cacheTtl           how long a verified username and password are accepted again without Argon2id (the
 *                           subscriber is still read every time: a change of password, status or anything else ends
 *                           the cached login at once); zero disables the cache
 * @param maxCachedLogins    the most cached logins kept (expired ones go first; a full cache starts over)
 * @param failuresPerAddress failed logins (passwords and tokens) allowed from one client address per window
 * @param failuresPerAccount failed passwords allowed for one username per window
 * @param failureWindow      the window: after the allowed failures, every attempt is refused until the window that
 *                           began with the first failure ends
 */
public record LoginLimits(Duration cacheTtl, int maxCachedLogins, int failuresPerAddress, int failuresPerAccount,
                          Duration failureWindow) {

    /** One minute of cache; 20 failures per address and 10 per account in 15 minutes. */
    public static final LoginLimits DEFAULTS = new LoginLimits(Duration.ofMinutes(1), 100_000, 20, 10,
            Duration.ofMinutes(15));

    public LoginLimits {
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(failureWindow, "failureWindow");
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("login cache TTL " + cacheTtl + " must not be negative");
        }
        if (maxCachedLogins < 1) {
            throw new IllegalArgumentException("at most " + maxCachedLogins + " cached logins: must be at least 1");
        }
        if (failuresPerAddress < 1 || failuresPerAccount < 1) {
            throw new IllegalArgumentException("failures allowed per address (" + failuresPerAddress
                    + ") and per account (" + failuresPerAccount + ") must be at least 1");
        }
        if (failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("failure window " + failureWindow + " must be positive");
        }
    }
}
