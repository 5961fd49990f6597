package headwater.store.catalog;

import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.NotFoundException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The optimistic {@code version} column of the tables whose rows an update replaces as a whole (category, package,
 * plan, device): the compare-and-increment an update starts with, inside its write transaction.
 */
public final class Versions {

    private Versions() {
    }

    /**
     * Moves the row {@code id} of {@code table} from {@code expected} to {@code expected + 1}, first thing in the
     * update's transaction: on PostgreSQL the row is then locked until the commit, so a concurrent update based on
     * the same version waits, sees the new version and fails here; on SQLite the one writer serialises them anyway.
     *
     * @param table one of our table names, never input
     * @return the new version
     * @throws NotFoundException         no such row
     * @throws ConcurrentUpdateException the stored version is not {@code expected}, naming both
     */
    public static long claim(Handle handle, String entity, String table, String id, long expected) {
        int updated = handle.createUpdate("UPDATE " + table + " SET version = version + 1 "
                        + "WHERE id = :id AND version = :expected")
                .bind("id", id).bind("expected", expected).execute();
        if (updated == 0) {
            long actual = current(handle, table, id).orElseThrow(() -> new NotFoundException(entity, id));
            throw new ConcurrentUpdateException(entity, id, expected, actual);
        }
        return expected + 1;
    }

    /** Increments the version of the row {@code id} whatever it is (a change merged in the store); the new version. */
    public static Optional<Long> bump(Handle handle, String table, String id) {
        int updated = handle.createUpdate("UPDATE " + table + " SET version = version + 1 WHERE id = :id")
                .bind("id", id).execute();
        return updated == 0 ? Optional.empty() : current(handle, table, id);
    }

    /** The stored version of the row {@code id} of {@code table}, if there is one. */
    public static Optional<Long> current(Handle handle, String table, String id) {
        return handle.createQuery("SELECT version FROM " + table + " WHERE id = :id").bind("id", id)
                .mapTo(Long.class).findOne();
    }
}
