package headwater.store.subscriber;

import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Page;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.subscriber.SubscriberQuery;
import headwater.domain.subscriber.SubscriberRepository;
import headwater.domain.subscriber.SubscriberSort;
import headwater.store.Database;
import headwater.store.Dialect;
import headwater.store.catalog.Constraint;
import headwater.store.catalog.References;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatement;

/** {@link SubscriberRepository} on a {@link Database}. */
public final class JdbiSubscriberRepository implements SubscriberRepository {

    private final Database database;
    private final Clock clock;
    private final Map<SubscriberSort, String> sortColumns;

    public JdbiSubscriberRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.sortColumns = sortColumns(database.dialect());
    }

    /** The whitelist of ORDER BY expressions; text compares bytewise on both databases so that pages agree. */
    private static Map<SubscriberSort, String> sortColumns(Dialect dialect) {
        String collate = dialect == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
        Map<SubscriberSort, String> columns = new EnumMap<>(SubscriberSort.class);
        columns.put(SubscriberSort.USERNAME, "s.username_key" + collate);
        columns.put(SubscriberSort.ID, "s.id" + collate);
        // Never expiring sorts after every date, on both databases (they disagree on where NULLs go).
        columns.put(SubscriberSort.EXPIRY, "COALESCE(s.expires_at, " + Long.MAX_VALUE + ")");
        columns.put(SubscriberSort.CREATED, "s.created_at");
        columns.put(SubscriberSort.UPDATED, "s.updated_at");
        return columns;
    }

    @Override
    public Subscriber create(SubscriberDraft draft) {
        Instant now = now();
        try {
            return database.write(handle -> {
                if (storedVersion(handle, draft.id()).isPresent()) {
                    throw new DuplicateKeyException("subscriber", "id", draft.id(), "already exists");
                }
                checkUsername(handle, draft);
                checkReferences(handle, draft);
                SubscriberRows.bind(handle.createUpdate("INSERT INTO subscriber (id, username, username_key, "
                                + "password_hash, status, expires_at, max_connections, output_formats, plan_id, notes, "
                                + "owner_reseller_id, version, created_at, updated_at) VALUES (:id, :username, "
                                + ":usernameKey, :passwordHash, :status, :expiresAt, :maxConnections, :outputFormats, "
                                + ":planId, :notes, :owner, 1, :now, :now)"), draft)
                        .bind("now", now.toEpochMilli())
                        .execute();
                SubscriberRows.writeDetails(handle, draft, false);
                return new Subscriber(draft, 1, now, now);
            });
        } catch (JdbiException e) {
            throw diagnose(e, draft, false);
        }
    }

    @Override
    public Subscriber update(long expectedVersion, SubscriberDraft draft) {
        Instant now = now();
        try {
            return database.write(handle -> {
                String id = draft.id();
                long[] stored = handle.createQuery("SELECT version, created_at FROM subscriber WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                        .findOne()
                        .orElseThrow(() -> new NotFoundException("subscriber", id));
                if (stored[0] != expectedVersion) {
                    throw new ConcurrentUpdateException("subscriber", id, expectedVersion, stored[0]);
                }
                checkUsername(handle, draft);
                checkReferences(handle, draft);
                int updated = SubscriberRows.bind(handle.createUpdate("UPDATE subscriber SET username = :username, "
                                + "username_key = :usernameKey, password_hash = :passwordHash, status = :status, "
                                + "expires_at = :expiresAt, max_connections = :maxConnections, "
                                + "output_formats = :outputFormats, plan_id = :planId, notes = :notes, "
                                + "owner_reseller_id = :owner, version = version + 1, updated_at = :now "
                                + "WHERE id = :id AND version = :expected"), draft)
                        .bind("now", now.toEpochMilli())
                        .bind("expected", expectedVersion)
                        .execute();
                if (updated == 0) {
                    // A concurrent transaction (PostgreSQL, READ COMMITTED) committed first: report what it left.
                    long actual = storedVersion(handle, id).orElseThrow(() -> new NotFoundException("subscriber", id));
                    throw new ConcurrentUpdateException("subscriber", id, expectedVersion, actual);
                }
                SubscriberRows.writeDetails(handle, draft, true);
                return new Subscriber(draft, expectedVersion + 1, Instant.ofEpochMilli(stored[1]), now);
            });
        } catch (JdbiException e) {
            throw diagnose(e, draft, true);
        }
    }

    @Override
    public Optional<Subscriber> find(String id) {
        return database.read(handle -> SubscriberRows.load(handle, handle.createQuery(
                "SELECT " + SubscriberRows.COLUMNS + " FROM subscriber s WHERE s.id = :id").bind("id", id)))
                .stream().findFirst();
    }

    @Override
    public Optional<Subscriber> findByUsername(String username) {
        return database.read(handle -> SubscriberRows.load(handle, handle.createQuery(
                        "SELECT " + SubscriberRows.COLUMNS + " FROM subscriber s WHERE s.username_key = :key")
                .bind("key", SubscriberDraft.usernameKey(username))))
                .stream().findFirst();
    }

    @Override
    public boolean delete(String id) {
        return database.write(handle -> handle.createUpdate("DELETE FROM subscriber WHERE id = :id").bind("id", id)
                .execute() > 0);
    }

    @Override
    public Page<Subscriber> list(SubscriberQuery query) {
        String direction = query.descending() ? " DESC" : " ASC";
        String order = sortColumns.get(query.sort()) + direction + ", " + sortColumns.get(SubscriberSort.ID) + direction;
        return database.read(handle -> {
            long total = countIn(handle, query);
            var select = handle.createQuery("SELECT " + SubscriberRows.COLUMNS + " FROM subscriber s WHERE "
                    + filter(query) + " ORDER BY " + order + " LIMIT :limit OFFSET :offset");
            bindFilter(select, query).bind("limit", query.limit()).bind("offset", query.offset());
            return new Page<>(SubscriberRows.load(handle, select), total, query.offset(), query.limit());
        });
    }

    @Override
    public long count(SubscriberQuery query) {
        return database.read(handle -> countIn(handle, query));
    }

    private static long countIn(Handle handle, SubscriberQuery query) {
        var count = handle.createQuery("SELECT COUNT(*) FROM subscriber s WHERE " + filter(query));
        return bindFilter(count, query).mapTo(Long.class).one();
    }

    /** Fixed SQL fragments for the filters present; their values are bound by {@link #bindFilter}. */
    private static String filter(SubscriberQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (query.status() != null) {
            where.append(" AND s.status = :status");
        }
        if (query.owner() != null) {
            where.append(query.owner().isOperator() ? " AND s.owner_reseller_id IS NULL" : " AND s.owner_reseller_id = :owner");
        }
        if (query.usernamePrefix() != null && !query.usernamePrefix().isEmpty()) {
            where.append(" AND s.username_key LIKE :prefix ESCAPE '\\'");
        }
        if (query.expiringBefore() != null) {
            where.append(" AND s.expires_at IS NOT NULL AND s.expires_at < :before");
        }
        return where.toString();
    }

    private static <S extends SqlStatement<S>> S bindFilter(S statement, SubscriberQuery query) {
        if (query.status() != null) {
            statement.bind("status", query.status().name());
        }
        if (query.owner() != null && !query.owner().isOperator()) {
            statement.bind("owner", query.owner().resellerId());
        }
        if (query.usernamePrefix() != null && !query.usernamePrefix().isEmpty()) {
            String key = SubscriberDraft.usernameKey(query.usernamePrefix());
            statement.bind("prefix", key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.expiringBefore() != null) {
            statement.bind("before", query.expiringBefore().toEpochMilli());
        }
        return statement;
    }

    private static Optional<Long> storedVersion(Handle handle, String id) {
        return handle.createQuery("SELECT version FROM subscriber WHERE id = :id").bind("id", id).mapTo(Long.class)
                .findOne();
    }

    /** Refuses a username that another subscriber holds, ignoring case. */
    private static void checkUsername(Handle handle, SubscriberDraft draft) {
        handle.createQuery("SELECT id, username FROM subscriber WHERE username_key = :key AND id <> :id")
                .bind("key", draft.usernameKey())
                .bind("id", draft.id())
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .findFirst()
                .ifPresent(holder -> {
                    throw new DuplicateKeyException("subscriber", "username", draft.username(),
                            "is already used by subscriber " + holder[0]
                                    + (holder[1].equals(draft.username()) ? "" : " (as " + holder[1] + ")")
                                    + "; usernames are compared ignoring case");
                });
    }

    private static void checkReferences(Handle handle, SubscriberDraft draft) {
        List<String> packages = References.missing(handle, "package", List.copyOf(draft.packageIds()));
        if (!packages.isEmpty()) {
            throw new UnknownReferenceException("subscriber", draft.id(), "package", packages);
        }
        if (draft.planId() != null && !References.missing(handle, "plan", List.of(draft.planId())).isEmpty()) {
            throw new UnknownReferenceException("subscriber", draft.id(), "plan", List.of(draft.planId()));
        }
        String reseller = draft.owner().resellerId();
        if (reseller != null && !References.missing(handle, "reseller", List.of(reseller)).isEmpty()) {
            throw new UnknownReferenceException("subscriber", draft.id(), "reseller", List.of(reseller));
        }
    }

    /**
     * A constraint failed although the checks passed: a concurrent writer got in between (PostgreSQL). Check again
     * now that it has committed, to name the key; never let the SQL exception through as such.
     */
    private RuntimeException diagnose(JdbiException error, SubscriberDraft draft, boolean update) {
        Constraint constraint = Constraint.violatedBy(error);
        if (constraint == Constraint.NONE) {
            return error;
        }
        RuntimeException precise = database.read(handle -> {
            try {
                if (!update && storedVersion(handle, draft.id()).isPresent()) {
                    return new DuplicateKeyException("subscriber", "id", draft.id(), "already exists");
                }
                checkUsername(handle, draft);
                checkReferences(handle, draft);
                if (update && storedVersion(handle, draft.id()).isEmpty()) {
                    return new NotFoundException("subscriber", draft.id());
                }
                return null;
            } catch (DuplicateKeyException | UnknownReferenceException found) {
                return found;
            }
        });
        if (precise == null) {
            precise = constraint == Constraint.UNIQUE
                    ? new DuplicateKeyException("subscriber", "id or username", draft.id(),
                            "collided with a concurrent write; retry")
                    : new UnknownReferenceException("subscriber", draft.id(), "package, plan or reseller",
                            referencedIds(draft));
        }
        precise.addSuppressed(error);
        return precise;
    }

    /** Every id the draft refers to, for when a concurrent delete removed one of them and the check cannot say which. */
    private static List<String> referencedIds(SubscriberDraft draft) {
        List<String> ids = new ArrayList<>(draft.packageIds());
        if (draft.planId() != null) {
            ids.add(draft.planId());
        }
        if (draft.owner().resellerId() != null) {
            ids.add(draft.owner().resellerId());
        }
        return ids;
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
