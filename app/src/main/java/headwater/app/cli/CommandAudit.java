package headwater.app.cli;

import headwater.app.audit.SecurityChainHasher;
import headwater.domain.audit.AuditEvent;
import headwater.store.Database;
import headwater.store.audit.JdbiAuditLog;
import java.time.Clock;

/**
 * Records what an operator did from the command line in the audit log: actor kind {@code operator}, actor
 * {@code cli:<OS user>}, address {@code -}.
 */
final class CommandAudit {

    private CommandAudit() {
    }

    static void record(Database database, String action, String targetType, String targetId, String before,
                       String after) {
        new JdbiAuditLog(database, SecurityChainHasher.INSTANCE).record(new AuditEvent(Clock.systemUTC().instant(),
                "operator", "cli:" + System.getProperty("user.name", "?"), "-", action, targetType, targetId, before,
                after, "ok"));
    }
}
