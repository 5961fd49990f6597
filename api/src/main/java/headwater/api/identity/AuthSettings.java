package headwater.api.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * How long web sessions last and what authenticator apps call the server.
 *
 * @param idleTimeout a session unused this long ends
 * @param lifetime    a session ends this long after login however much it is used
 * @param issuer      the issuer shown in authenticator apps, e.g. {@code Headwater}
 */
public record AuthSettings(Duration idleTimeout, Duration lifetime, String issuer) {

    /** 30 minutes idle, 12 hours at most, issuer "Headwater". */
    public static final AuthSettings DEFAULTS = new AuthSettings(Duration.ofMinutes(30), Duration.ofHours(12),
            "Headwater");

    public AuthSettings {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(issuer, "issuer");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || lifetime.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("session idle timeout " + idleTimeout + " must be positive and at most "
                    + "the lifetime " + lifetime);
        }
    }
}
