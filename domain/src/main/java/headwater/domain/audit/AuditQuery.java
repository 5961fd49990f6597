package headwater.domain.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * A page of the audit log, newest first.
 *
 * @param actor  only entries by this actor (exact), or empty
 * @param action only this action (exact), or, ending in {@code .*}, actions under it ({@code login.*}); or empty
 * @param from   only entries at or after, or empty
 * @param until  only entries before, or empty
 * @param offset entries skipped
 * @param limit  entries at most, 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(Optional<String> actor, Optional<String> action, Optional<Instant> from,
                         Optional<Instant> until, int offset, int limit) {

    public static final int MAX_LIMIT = 1_000;

    public AuditQuery {
        actor = actor == null ? Optional.empty() : actor;
        action = action == null ? Optional.empty() : action;
        from = from == null ? Optional.empty() : from;
        until = until == null ? Optional.empty() : until;
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** The newest {@code limit} entries. */
    public static AuditQuery latest(int limit) {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, limit);
    }
}
