package headwater.api.identity;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every login does before and after checking credentials, for accounts and subscribers alike: the throttle
 * first, then for a refusal one generic answer with the reason in the log and the audit trail.
 */
final class LoginGate {

    private static final Logger LOG = LoggerFactory.getLogger(LoginGate.class);

    private final LoginThrottle throttle;
    private final SecurityAudit audit;

    LoginGate(LoginThrottle throttle, SecurityAudit audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    /** The wait when this attempt must not even be checked. */
    Optional<LoginOutcome> throttled(String what, String username, String address) {
        Duration wait = throttle.waitFor(username, address);
        if (wait == null) {
            return Optional.empty();
        }
        LOG.info("{} of {} from {} throttled: {}s left", what, SecurityAudit.printable(username), address,
                wait.toSeconds());
        audit.failedLogin(username, address, what + ".failed", "throttled");
        return Optional.of(new LoginOutcome.Throttled(wait));
    }

    LoginOutcome refuse(String what, String username, String address, String reason) {
        throttle.failed(username, address);
        LOG.info("{} of {} from {} refused: {}", what, SecurityAudit.printable(username), address, reason);
        audit.failedLogin(username, address, what + ".failed", reason);
        return new LoginOutcome.Refused();
    }

    void succeeded(String username, String address) {
        throttle.succeeded(username, address);
    }

    boolean globalSlowdown() {
        return throttle.globalSlowdown();
    }
}
