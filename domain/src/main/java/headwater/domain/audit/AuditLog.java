package headwater.domain.audit;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The stored, hash-chained audit trail: appended to through {@link AuditTrail}, read here. Blocking. */
public interface AuditLog extends AuditTrail {

    /** The entries the query selects, newest first. */
    List<AuditEntry> find(AuditQuery query);

    /** How many entries the query selects, ignoring its offset and limit. */
    long count(AuditQuery query);

    /** The last entry, or empty when nothing was recorded. */
    Optional<AuditEntry> head();

    /** The entry numbered {@code seq}, if stored. */
    Optional<AuditEntry> entry(long seq);

    /** Every entry in chain order (for verification), read in pages. */
    void forEach(Consumer<AuditEntry> each);

    /** Events that could not be recorded since start (each logged). */
    long failures();
}
