package headwater.api.identity;

import headwater.domain.identity.SubscriberTotp;
import headwater.domain.identity.SubscriberTotpRepository;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberRepository;
import headwater.domain.subscriber.SubscriberStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a subscriber's credentials for the portal: the username and password their apps use (Xtream), hashed with
 * Argon2id as stored, compared as given (subscribers' passwords predate normalisation). Banned and disabled
 * subscribers are refused like a wrong password; expired ones may log in, to see why they cannot watch. TOTP is
 * optional for subscribers: once one confirmed an enrolment ({@link PortalTotp}), the login needs a current, unused
 * code as {@code totp} too, and a missing, wrong or replayed one is refused like a wrong password. Blocking.
 */
final class SubscriberLogin {

    private static final String WHAT = "portal.login";

    private final SubscriberRepository subscribers;
    private final PasswordCheck passwords;
    private final LoginGate gate;
    private final SecurityAudit audit;
    private final SubscriberTotpRepository totps;
    private final Clock clock;

    SubscriberLogin(SubscriberRepository subscribers, PasswordCheck passwords, LoginGate gate, SecurityAudit audit,
                    SubscriberTotpRepository totps, Clock clock) {
        this.subscribers = subscribers;
        this.totps = totps;
        this.clock = clock;
        this.passwords = passwords;
        this.gate = gate;
        this.audit = audit;
    }

    LoginOutcome login(String username, String password, String code, String address) {
        Optional<LoginOutcome> throttled = gate.throttled(WHAT, username, address);
        if (throttled.isPresent()) {
            return throttled.get();
        }
        if (!Credentials.plausible(username, password, code)) {
            return gate.refuse(WHAT, username, address, "username or password missing or too long");
        }
        Optional<Subscriber> found = subscribers.findByUsername(username);
        boolean matches = passwords.matches(password, found.map(Subscriber::passwordHash).orElse(null));
        if (found.isEmpty() || !matches) {
            return gate.refuse(WHAT, username, address, found.isEmpty() ? "unknown username" : "wrong password");
        }
        Subscriber subscriber = found.get();
        if (!mayUsePortal(subscriber)) {
            return gate.refuse(WHAT, username, address, "subscriber " + subscriber.id() + " is "
                    + subscriber.status());
        }
        Optional<SubscriberTotp> totp = totps.find(subscriber.id()).filter(SubscriberTotp::confirmed);
        Instant secondFactorAt = null;
        if (totp.isPresent()) {
            if (code == null || code.isBlank()) {
                return gate.refuse(WHAT, username, address, "TOTP code missing");
            }
            Instant now = clock.instant();
            if (!PortalTotp.verify(totps, totp.get(), code, now)) {
                return gate.refuse(WHAT, username, address, "wrong or replayed TOTP code");
            }
            secondFactorAt = now;
        }
        gate.succeeded(username, address);
        audit.subscriber(subscriber.id(), address, WHAT, "ok");
        return new LoginOutcome.Success(subscriber.id(), secondFactorAt);
    }

    static boolean mayUsePortal(Subscriber subscriber) {
        return subscriber.status() != SubscriberStatus.BANNED && subscriber.status() != SubscriberStatus.DISABLED;
    }
}
