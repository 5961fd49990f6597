package headwater.api.identity;

import headwater.domain.identity.SessionOwner;
import headwater.domain.identity.WebSession;
import headwater.domain.identity.WebSessionRepository;
import headwater.security.secret.BearerSecret;
import headwater.security.secret.SecretDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens and finds web sessions. The cookie value is a 256-bit random secret; the stored id is its SHA-256 digest. A
 * session's expiry slides with use (idle timeout) up to its lifetime; uses are written at most once a minute.
 */
final class WebSessions {

    private static final String COOKIE_PREFIX = "hws_";
    private static final String CSRF_PREFIX = "csrf_";
    private static final Duration TOUCH_RESOLUTION = Duration.ofMinutes(1);
    /** Expired sessions are removed at a login at most this often. */
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final WebSessionRepository repository;
    private final AuthSettings settings;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    WebSessions(WebSessionRepository repository, AuthSettings settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A new session with a new id: never one the browser brought (no fixation). Expired sessions are removed on the
     * way, at most once an hour.
     */
    Issued open(SessionOwner owner, Instant secondFactorAt, String address, String userAgent) {
        BearerSecret cookie = BearerSecret.generate(COOKIE_PREFIX);
        Instant now = clock.instant();
        Instant last = lastPurge.get();
        if (last.plus(PURGE_INTERVAL).isBefore(now) && lastPurge.compareAndSet(last, now)) {
            repository.purgeExpired(now);
        }
        WebSession session = new WebSession(cookie.digest().hex(), owner,
                BearerSecret.generate(CSRF_PREFIX).reveal(), now, now, now.plus(settings.idleTimeout()),
                secondFactorAt, address, userAgent);
        repository.create(session);
        return new Issued(cookie.reveal(), session);
    }

    /** The live session the cookie value names, noting the use. */
    Optional<WebSession> find(String cookieValue) {
        if (!BearerSecret.hasShape(COOKIE_PREFIX, cookieValue)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<WebSession> found = repository.find(SecretDigest.of(cookieValue).hex(), now);
        found.filter(s -> s.lastSeen().plus(TOUCH_RESOLUTION).isBefore(now)).ifPresent(s -> {
            Instant idle = now.plus(settings.idleTimeout());
            Instant end = s.created().plus(settings.lifetime());
            repository.touch(s.id(), now, idle.isBefore(end) ? idle : end);
        });
        return found;
    }

    /** The digest id a cookie value would have, or null when it has not the shape of one. */
    static String idOf(String cookieValue) {
        return BearerSecret.hasShape(COOKIE_PREFIX, cookieValue) ? SecretDigest.of(cookieValue).hex() : null;
    }

    Duration cookieLifetime() {
        return settings.lifetime();
    }

    WebSessionRepository repository() {
        return repository;
    }

    /**
     * A session just opened.
     *
     * @param cookieValue the secret for the cookie: shown to the browser once, never stored or logged
     */
    record Issued(String cookieValue, WebSession session) {
        @Override
        public String toString() {
            return "Issued[" + session + "]";
        }
    }
}
