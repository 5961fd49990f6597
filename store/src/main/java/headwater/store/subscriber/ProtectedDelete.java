package headwater.store.subscriber;

import headwater.domain.catalog.ReferenceInUseException;
import headwater.store.Database;
import headwater.store.catalog.Constraint;
import headwater.store.catalog.References;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Deletes a plan or a reseller unless subscribers refer to it, and says which: the schema's ON DELETE RESTRICT
 * stops a concurrent writer, this names the subscribers.
 */
final class ProtectedDelete {

    private ProtectedDelete() {
    }

    /**
     * Deletes row {@code id} of {@code table} ("plan" or "reseller", never input) unless a subscriber's
     * {@code column} refers to it.
     *
     * @return whether it existed
     * @throws ReferenceInUseException naming the first subscribers
     */
    static boolean run(Database database, String table, String column, String id) {
        try {
            return database.write(handle -> {
                refuseIfUsed(handle, table, column, id);
                return handle.createUpdate("DELETE FROM " + table + " WHERE id = :id").bind("id", id).execute() > 0;
            });
        } catch (JdbiException e) {
            if (Constraint.violatedBy(e) != Constraint.FOREIGN_KEY) {
                throw e;
            }
            ReferenceInUseException inUse = database.read(handle -> {
                try {
                    refuseIfUsed(handle, table, column, id);
                    return new ReferenceInUseException(table, id, "a concurrent write");
                } catch (ReferenceInUseException precise) {
                    return precise;
                }
            });
            inUse.addSuppressed(e);
            throw inUse;
        }
    }

    private static void refuseIfUsed(Handle handle, String table, String column, String id) {
        long count = handle.createQuery("SELECT COUNT(*) FROM subscriber WHERE " + column + " = :id").bind("id", id)
                .mapTo(Long.class).one();
        if (count > 0) {
            List<String> first = handle.createQuery("SELECT username FROM subscriber WHERE " + column + " = :id "
                    + "ORDER BY username_key LIMIT " + References.QUOTED).bind("id", id).mapTo(String.class).list();
            throw new ReferenceInUseException(table, id, References.usage(count, "subscriber", first));
        }
    }
}
