package headwater.domain.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One operator or reseller action or security event, as it is written to the audit trail.
 *
 * @param at         when it happened
 * @param actorKind  {@code operator}, {@code reseller}, {@code subscriber}, {@code api-token}, {@code system} or
 *                   {@code anonymous} (a failed login names no one)
 * @param actor      the account id, token name or attempted user name; never a password or token
 * @param address    the client's address as delivery resolved it, or {@code -} for the command line
 * @param action     dotted verb, e.g. {@code login.failed}, {@code subscriber.update}, {@code session.kill},
 *                   {@code totp.enrol}, {@code key.rotate}, {@code refund}
 * @param targetType what was acted on ({@code subscriber}, {@code account}, ...), or {@code -}
 * @param targetId   its id, or {@code -}
 * @param before     JSON of the state before, secrets redacted; {@code null} when none
 * @param after      JSON of the state after, secrets redacted; {@code null} when none
 * @param outcome    {@code ok}, {@code refused} or {@code failed}, optionally with a short reason after a colon
 */
public record AuditEvent(Instant at, String actorKind, String actor, String address, String action,
                         String targetType, String targetId, String before, String after, String outcome) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorKind, "actorKind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
