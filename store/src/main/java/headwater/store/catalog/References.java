package headwater.store.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Which of the referenced ids do not exist, asked in one handle (so inside the write transaction). */
public final class References {

    /** How many ids a "used by" message quotes before it says "…". */
    public static final int QUOTED = 5;

    private References() {
    }

    /** The ids of {@code wanted} that have no row in {@code table} ("package", "plan", "reseller", "subscriber"). */
    public static List<String> missing(Handle handle, String table, Collection<String> wanted) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<String> ids = List.copyOf(wanted);
        Set<String> existing = new HashSet<>();
        for (List<String> chunk : Chunks.of(ids)) {
            // The table name is one of the fixed names above, never input.
            existing.addAll(handle.createQuery("SELECT id FROM " + table + " WHERE id IN (<ids>)").bindList("ids", chunk)
                    .mapTo(String.class).list());
        }
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (!existing.contains(id)) {
                missing.add(id);
            }
        }
        return missing;
    }

    /**
     * "3 subscribers (alice, bob, carol)" from a count and the first ids of the users, or null when there are none.
     */
    public static String usage(long count, String noun, List<String> firstIds) {
        if (count == 0) {
            return null;
        }
        return count + " " + noun + (count == 1 ? "" : "s") + " (" + String.join(", ", firstIds)
                + (count > firstIds.size() ? ", …" : "") + ")";
    }
}
