package headwater.api;

import headwater.domain.audit.AuditEntry;

/** An audit entry as {@code GET /api/v1/audit} lists it (values as stored: secrets redacted, controls escaped). */
record AuditEntryView(long seq, String at, String actorKind, String actor, String address, String action,
                      String targetType, String targetId, String before, String after, String outcome, String hash) {

    static AuditEntryView of(AuditEntry entry) {
        var e = entry.event();
        return new AuditEntryView(entry.seq(), e.at().toString(), e.actorKind(), e.actor(), e.address(), e.action(),
                e.targetType(), e.targetId(), e.before(), e.after(), e.outcome(), entry.hash());
    }
}
