package headwater.domain.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A logged-in browser. The cookie holds a random secret; only its SHA-256 digest is stored, as {@link #id()}, so a
 * copy of the database logs no one in.
 *
 * @param id             SHA-256 digest of the cookie value, 64 lower-case hex digits
 * @param owner          who logged in
 * @param csrfToken      the token state-changing requests must echo in {@code X-CSRF-Token}
 * @param created        when it was made (login)
 * @param lastSeen       when it last authenticated a request
 * @param expires        when it ends unless used again (idle) — never after {@code created} plus the absolute limit
 * @param secondFactorAt when the second factor was last proven (login with TOTP, step-up), or null
 * @param address        the client address at login, for the owner's list of sessions
 * @param userAgent      the User-Agent at login, at most 200 characters, for that list
 */
public record WebSession(String id, SessionOwner owner, String csrfToken, Instant created, Instant lastSeen,
                         Instant expires, Instant secondFactorAt, String address, String userAgent) {

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    public static final int MAX_USER_AGENT = 200;

    public WebSession {
        if (id == null || !DIGEST.matcher(id).matches()) {
            throw new IllegalArgumentException("a web session id is a SHA-256 digest in 64 lower-case hex digits");
        }
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(address, "address");
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
    }

    public WebSession withSecondFactorAt(Instant at) {
        return new WebSession(id, owner, csrfToken, created, lastSeen, expires, at, address, userAgent);
    }

    /** The CSRF token is a secret of the session: not in logs. */
    @Override
    public String toString() {
        return "WebSession[" + id.substring(0, 8) + "…, " + owner + ", expires " + expires + "]";
    }
}
