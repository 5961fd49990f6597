package headwater.api.identity;

import headwater.domain.audit.AuditEvent;
import headwater.domain.audit.AuditTrail;
import headwater.domain.identity.Account;
import headwater.domain.identity.Role;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the authentication events to the {@link AuditTrail}: logins and failed logins, logouts, password and TOTP
 * changes, step-ups, sessions ended. Never a password, code or cookie: attempted usernames only as printable,
 * shortened text.
 */
final class SecurityAudit {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityAudit.class);

    private final AuditTrail trail;
    private final Clock clock;

    SecurityAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** An event of an account about itself. */
    void account(Account account, String address, String action, String outcome) {
        record(actorKind(account.role()), account.id(), address, action, "account", account.id(), outcome);
    }

    /** An event of a subscriber about itself. */
    void subscriber(String subscriberId, String address, String action, String outcome) {
        record("subscriber", subscriberId, address, action, "subscriber", subscriberId, outcome);
    }

    /** An event of the caller of a web session about itself. */
    void self(Caller caller, String address, String action, String outcome) {
        if (caller.account() != null) {
            account(caller.account(), address, action, outcome);
        } else {
            subscriber(caller.principal().id(), address, action, outcome);
        }
    }

    /** A failed login names no one: the actor is the username as typed. */
    void failedLogin(String attempted, String address, String action, String reason) {
        record("anonymous", printable(attempted), address, action, "-", "-", "refused:" + reason);
    }

    private void record(String actorKind, String actor, String address, String action, String targetType,
                        String targetId, String outcome) {
        try {
            trail.record(new AuditEvent(clock.instant(), actorKind, actor, address, action, targetType, targetId,
                    null, null, outcome));
        } catch (RuntimeException e) {
            LOG.error("audit event {} of {} could not be recorded", action, actor, e);
        }
    }

    static String actorKind(Role role) {
        return switch (role) {
            case ADMIN, SUPPORT -> "operator";
            case RESELLER -> "reseller";
            case SUBSCRIBER -> "subscriber";
        };
    }

    /** At most 64 characters, control characters as '?': safe in a log line or an audit entry. */
    static String printable(String text) {
        if (text == null) {
            return "(none)";
        }
        String shortened = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        StringBuilder out = new StringBuilder(shortened.length());
        shortened.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
