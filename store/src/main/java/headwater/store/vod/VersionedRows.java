package headwater.store.vod;

import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Page;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.vod.VodQuery;
import headwater.store.Database;
import headwater.store.catalog.Constraint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * Create, optimistic update, read, delete and list for a table of versioned VOD values with categories (films and
 * series): what their repositories share, as their superclass. {@code D} is the operator's draft, {@code V} the
 * stored value.
 */
abstract class VersionedRows<D, V> {

    protected final Database database;
    private final Clock clock;
    private final String entity;
    private final String table;
    private final String alias;
    private final String selectColumns;
    private final String insert;
    private final String update;
    private final VodLinks links;
    private final VodListing listing;

    /**
     * @param entity  the name errors use ("movie")
     * @param table   the table of the values, which has the columns id, version, created_at and updated_at
     * @param alias   the table's alias in queries
     * @param columns the table's other columns, in the order {@link #read} reads them after the id; {@link #bind} binds
     *                each under its own name
     */
    protected VersionedRows(Database database, Clock clock, String entity, String table, String alias,
                            List<String> columns, VodLinks links) {
        this.database = database;
        this.clock = clock;
        this.entity = entity;
        this.table = table;
        this.alias = alias;
        this.selectColumns = alias + ".id, " + String.join(", ", columns.stream().map(c -> alias + "." + c).toList())
                + ", " + alias + ".version, " + alias + ".created_at, " + alias + ".updated_at";
        this.insert = "INSERT INTO " + table + " (id, " + String.join(", ", columns) + ", version, created_at, "
                + "updated_at) VALUES (:id, " + String.join(", ", columns.stream().map(c -> ":" + c).toList())
                + ", 1, :now, :now)";
        this.update = "UPDATE " + table + " SET " + String.join(", ", columns.stream().map(c -> c + " = :" + c).toList())
                + ", version = version + 1, updated_at = :now WHERE id = :id AND version = :expected";
        this.links = links;
        this.listing = new VodListing(alias, links, database.dialect());
    }

    protected abstract String idOf(D draft);

    protected abstract List<String> categoriesOf(D draft);

    /** Binds the table's own columns (not id, version or times) of {@code draft}. */
    protected abstract void bind(Update update, D draft);

    /** The stored value of a draft and the bookkeeping. */
    protected abstract V stored(D draft, long version, Instant added, Instant updated);

    /** Reads one row of the selected columns (id, own columns, version, created, updated), without categories. */
    protected abstract V read(ResultSet rs) throws SQLException;

    protected abstract V withCategories(V value, List<String> categoryIds);

    public V create(D draft) {
        String id = idOf(draft);
        Instant now = now();
        try {
            return database.write(handle -> {
                if (version(handle, id).isPresent()) {
                    throw new DuplicateKeyException(entity, "id", id, "already exists");
                }
                links.check(handle, id, categoriesOf(draft));
                Update insertRow = handle.createUpdate(insert).bind("id", id).bind("now", now.toEpochMilli());
                bind(insertRow, draft);
                insertRow.execute();
                links.write(handle, id, categoriesOf(draft), false);
                return stored(draft, 1, now, now);
            });
        } catch (JdbiException e) {
            throw diagnose(e, draft);
        }
    }

    public V update(long expectedVersion, D draft) {
        String id = idOf(draft);
        Instant now = now();
        try {
            return database.write(handle -> {
                long[] row = handle.createQuery("SELECT version, created_at FROM " + table + " WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                        .findOne()
                        .orElseThrow(() -> new NotFoundException(entity, id));
                if (row[0] != expectedVersion) {
                    throw new ConcurrentUpdateException(entity, id, expectedVersion, row[0]);
                }
                links.check(handle, id, categoriesOf(draft));
                Update updateRow = handle.createUpdate(update).bind("id", id).bind("now", now.toEpochMilli())
                        .bind("expected", expectedVersion);
                bind(updateRow, draft);
                if (updateRow.execute() == 0) {
                    // A concurrent transaction (PostgreSQL, READ COMMITTED) committed first: report what it left.
                    long actual = version(handle, id).orElseThrow(() -> new NotFoundException(entity, id));
                    throw new ConcurrentUpdateException(entity, id, expectedVersion, actual);
                }
                links.write(handle, id, categoriesOf(draft), true);
                return stored(draft, expectedVersion + 1, Instant.ofEpochMilli(row[1]), now);
            });
        } catch (JdbiException e) {
            throw diagnose(e, draft);
        }
    }

    public Optional<V> find(String id) {
        return database.read(handle -> load(handle, handle.createQuery(
                "SELECT " + selectColumns + " FROM " + table + " " + alias + " WHERE " + alias + ".id = :id")
                .bind("id", id))).stream().findFirst();
    }

    public boolean delete(String id) {
        return database.write(handle -> handle.createUpdate("DELETE FROM " + table + " WHERE id = :id").bind("id", id)
                .execute() > 0);
    }

    public Page<V> list(VodQuery query) {
        return database.read(handle -> {
            String where = listing.where(query);
            long total = listing.bind(handle.createQuery("SELECT COUNT(*) FROM " + table + " " + alias + " WHERE "
                    + where), query).mapTo(Long.class).one();
            Query select = handle.createQuery("SELECT " + selectColumns + " FROM " + table + " " + alias + " WHERE "
                    + where + " ORDER BY " + listing.orderBy(query) + " LIMIT :limit OFFSET :offset");
            listing.bind(select, query).bind("limit", query.limit()).bind("offset", query.offset());
            return new Page<>(load(handle, select), total, query.offset(), query.limit());
        });
    }

    /** Runs {@code query} (which selects {@link #selectColumns}) and completes each value with its categories. */
    private List<V> load(Handle handle, Query query) {
        List<Map.Entry<String, V>> rows = query.map((rs, ctx) -> Map.entry(rs.getString(1), read(rs))).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> categories = links.load(handle, rows.stream().map(Map.Entry::getKey).toList());
        return rows.stream().map(row -> withCategories(row.getValue(), categories.getOrDefault(row.getKey(), List.of())))
                .toList();
    }

    private Optional<Long> version(Handle handle, String id) {
        return handle.createQuery("SELECT version FROM " + table + " WHERE id = :id").bind("id", id)
                .mapTo(Long.class).findOne();
    }

    /**
     * A constraint failed although the checks passed: a concurrent writer got in between (PostgreSQL). Check again
     * now that it has committed, to name the key; never let the SQL exception through as such.
     */
    private RuntimeException diagnose(JdbiException error, D draft) {
        String id = idOf(draft);
        RuntimeException precise = switch (Constraint.violatedBy(error)) {
            case UNIQUE -> new DuplicateKeyException(entity, "id", id, "already exists");
            case FOREIGN_KEY -> database.read(handle -> {
                try {
                    links.check(handle, id, categoriesOf(draft));
                    return version(handle, id).isEmpty() ? new NotFoundException(entity, id)
                            : new UnknownReferenceException(entity, id, "category", categoriesOf(draft));
                } catch (UnknownReferenceException | InvalidValueException missing) {
                    return missing;
                }
            });
            case NONE -> null;
        };
        if (precise == null) {
            return error;
        }
        precise.addSuppressed(error);
        return precise;
    }

    protected Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
