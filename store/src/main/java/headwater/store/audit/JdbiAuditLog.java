package headwater.store.audit;

import headwater.domain.audit.AuditEntry;
import headwater.domain.audit.AuditEvent;
import headwater.domain.audit.AuditLog;
import headwater.domain.audit.AuditQuery;
import headwater.domain.audit.ChainHasher;
import headwater.store.Database;
import headwater.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AuditLog} on a {@link Database}. An append reads the last entry and inserts the next in one write
 * transaction that no other append can interleave with: on SQLite the single writer (and {@code BEGIN IMMEDIATE}
 * across processes), on PostgreSQL a transaction-scoped advisory lock; so the chain stays linear under concurrent
 * appends from threads, processes and nodes. A failed append is logged and counted, never thrown.
 */
public final class JdbiAuditLog implements AuditLog {

    /** The advisory lock key of appends on PostgreSQL ("hwaudit" in ASCII). */
    static final long APPEND_LOCK = 0x68776175646974L;
    private static final Logger LOG = LoggerFactory.getLogger(JdbiAuditLog.class);
    private static final String COLUMNS = "seq, at, actor_kind, actor, address, action, target_type, target_id, "
            + "before, after, outcome, prev_hash, hash";
    private static final int PAGE = 1_000;

    private final Database database;
    private final ChainHasher hasher;
    private final AtomicLong failures = new AtomicLong();

    public JdbiAuditLog(Database database, ChainHasher hasher) {
        this.database = database;
        this.hasher = hasher;
    }

    @Override
    public void record(AuditEvent event) {
        try {
            append(event);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            AuditEvent safe = AuditEntry.storedForm(event);
            LOG.error("Could not record the audit event {} by {} on {} {}: {}", safe.action(), safe.actor(),
                    safe.targetType(), safe.targetId(), e.toString());
        }
    }

    /** Appends and returns the entry; throws on failure (for tests and the CLI, which report it themselves). */
    public AuditEntry append(AuditEvent event) {
        AuditEvent stored = AuditEntry.storedForm(event);
        return database.write(handle -> {
            if (database.dialect() == Dialect.POSTGRESQL) {
                handle.createQuery("SELECT pg_advisory_xact_lock(:key)").bind("key", APPEND_LOCK)
                        .map((rs, ctx) -> 0).one();
            }
            Optional<AuditEntry> last = handle.createQuery("SELECT " + COLUMNS
                    + " FROM audit_log ORDER BY seq DESC LIMIT 1").map((rs, ctx) -> row(rs)).findOne();
            long seq = last.map(e -> e.seq() + 1).orElse(1L);
            String previous = last.map(AuditEntry::hash).orElse(AuditEntry.GENESIS);
            AuditEntry entry = new AuditEntry(seq, stored, previous, hasher.hash(previous, seq, stored));
            handle.createUpdate("INSERT INTO audit_log (" + COLUMNS + ") VALUES (:seq, :at, :actorKind, :actor, "
                            + ":address, :action, :targetType, :targetId, :before, :after, :outcome, :prev, :hash)")
                    .bind("seq", seq).bind("at", stored.at().toEpochMilli()).bind("actorKind", stored.actorKind())
                    .bind("actor", stored.actor()).bind("address", stored.address()).bind("action", stored.action())
                    .bind("targetType", stored.targetType()).bind("targetId", stored.targetId())
                    .bind("before", stored.before()).bind("after", stored.after()).bind("outcome", stored.outcome())
                    .bind("prev", previous).bind("hash", entry.hash())
                    .execute();
            return entry;
        });
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        return database.read(handle -> filtered(handle, "SELECT " + COLUMNS, query,
                " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .bind("limit", query.limit()).bind("offset", query.offset())
                .map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public long count(AuditQuery query) {
        return database.read(handle -> filtered(handle, "SELECT count(*)", query, "").mapTo(Long.class).one());
    }

    private static Query filtered(Handle handle, String select, AuditQuery query, String tail) {
        List<String> where = new ArrayList<>();
        query.actor().ifPresent(a -> where.add("actor = :actor"));
        query.action().ifPresent(a -> where.add(a.endsWith(".*") ? "substr(action, 1, :prefixLength) = :prefix"
                : "action = :action"));
        query.from().ifPresent(f -> where.add("at >= :from"));
        query.until().ifPresent(u -> where.add("at < :until"));
        Query statement = handle.createQuery(select + " FROM audit_log"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + tail);
        query.actor().ifPresent(a -> statement.bind("actor", a));
        query.action().ifPresent(a -> {
            if (a.endsWith(".*")) {
                String prefix = a.substring(0, a.length() - 1);
                statement.bind("prefix", prefix).bind("prefixLength", prefix.length());
            } else {
                statement.bind("action", a);
            }
        });
        query.from().ifPresent(f -> statement.bind("from", f.toEpochMilli()));
        query.until().ifPresent(u -> statement.bind("until", u.toEpochMilli()));
        return statement;
    }

    @Override
    public Optional<AuditEntry> head() {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS
                + " FROM audit_log ORDER BY seq DESC LIMIT 1").map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public Optional<AuditEntry> entry(long seq) {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM audit_log WHERE seq = :seq")
                .bind("seq", seq).map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public void forEach(Consumer<AuditEntry> each) {
        long after = 0;
        while (true) {
            long from = after;
            List<AuditEntry> page = database.read(handle -> handle.createQuery("SELECT " + COLUMNS
                            + " FROM audit_log WHERE seq > :after ORDER BY seq LIMIT " + PAGE)
                    .bind("after", from).map((rs, ctx) -> row(rs)).list());
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
            after = page.getLast().seq();
        }
    }

    @Override
    public long failures() {
        return failures.get();
    }

    private static AuditEntry row(ResultSet rs) throws SQLException {
        AuditEvent event = new AuditEvent(Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11));
        return new AuditEntry(rs.getLong(1), event, rs.getString(12), rs.getString(13));
    }
}
