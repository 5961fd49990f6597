package headwater.domain.audit;

/**
 * Where operator and reseller actions and security events go. Implementations append durably before returning
 * (blocking: call from a worker thread) and never throw for a well-formed event: an audit failure is logged and
 * counted, and the action it describes has already happened.
 */
@FunctionalInterface
public interface AuditTrail {

    /** Discards everything: for tests and tools that audit nothing. */
    AuditTrail NONE = event -> { };

    void record(AuditEvent event);
}
