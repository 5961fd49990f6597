package headwater.store.xtream;

import headwater.domain.catalog.Check;
import headwater.domain.xtream.XtreamIds;
import headwater.store.Database;
import headwater.store.catalog.Chunks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * {@link XtreamIds} on a {@link Database} (table {@code xtream_id}). A row never changes and is never deleted, so
 * every number read is remembered in memory for the life of the process: a listing of 10,000 channels costs no
 * query once their numbers are known, and one read (plus, the first time, one write) before. Missing numbers are
 * allocated by {@code INSERT … ON CONFLICT DO NOTHING} in chunks, in the order the ids were asked for, so that
 * another process allocating the same ids at the same moment cannot make either fail: both read back the same
 * numbers.
 */
public final class JdbiXtreamIds implements XtreamIds {

    private final Database database;
    private final Map<Kind, Map<String, Integer>> numbers = new EnumMap<>(Kind.class);
    private final Map<Integer, Entry> entries = new ConcurrentHashMap<>();

    public JdbiXtreamIds(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        for (Kind kind : Kind.values()) {
            numbers.put(kind, new ConcurrentHashMap<>());
        }
    }

    @Override
    public Map<String, Integer> numbers(Kind kind, Collection<String> ids) {
        Objects.requireNonNull(kind, "kind");
        Map<String, Integer> known = numbers.get(kind);
        Map<String, Integer> result = new HashMap<>(Math.max(16, ids.size() * 2));
        LinkedHashSet<String> missing = new LinkedHashSet<>();
        for (String id : ids) {
            Integer number = known.get(id);
            if (number != null) {
                result.put(id, number);
            } else {
                missing.add(Check.id("xtream id", "id", id));
            }
        }
        if (missing.isEmpty()) {
            return result;
        }
        List<String> wanted = new ArrayList<>(missing);
        Map<String, Integer> read = database.read(handle -> select(handle, kind, wanted));
        if (read.size() < wanted.size()) {
            List<String> absent = wanted.stream().filter(id -> !read.containsKey(id)).toList();
            read.putAll(database.write(handle -> {
                for (List<String> chunk : Chunks.of(absent)) {
                    insert(handle, kind, chunk);
                }
                return select(handle, kind, absent);
            }));
        }
        read.forEach((id, number) -> remember(kind, id, number));
        result.putAll(read);
        return result;
    }

    @Override
    public Optional<String> id(Kind kind, int number) {
        Entry entry = entries.get(number);
        if (entry == null) {
            entry = database.read(handle -> handle.createQuery("SELECT kind, entity_id FROM xtream_id "
                            + "WHERE number = :number").bind("number", number)
                    .map((rs, ctx) -> new Entry(Kind.valueOf(rs.getString(1)), rs.getString(2))).findOne())
                    .orElse(null);
            if (entry == null) {
                return Optional.empty();
            }
            remember(entry.kind(), entry.id(), number);
        }
        return entry.kind() == kind ? Optional.of(entry.id()) : Optional.empty();
    }

    private void remember(Kind kind, String id, int number) {
        numbers.get(kind).put(id, number);
        entries.put(number, new Entry(kind, id));
    }

    private static void insert(Handle handle, Kind kind, List<String> ids) {
        StringBuilder sql = new StringBuilder("INSERT INTO xtream_id (kind, entity_id) VALUES ");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:kind, :id").append(i).append(')');
        }
        sql.append(" ON CONFLICT DO NOTHING");
        var update = handle.createUpdate(sql.toString()).bind("kind", kind.name());
        for (int i = 0; i < ids.size(); i++) {
            update.bind("id" + i, ids.get(i));
        }
        update.execute();
    }

    private static Map<String, Integer> select(Handle handle, Kind kind, List<String> ids) {
        Map<String, Integer> found = new HashMap<>();
        for (List<String> chunk : Chunks.of(ids)) {
            handle.createQuery("SELECT entity_id, number FROM xtream_id WHERE kind = :kind AND entity_id IN (<ids>)")
                    .bind("kind", kind.name()).bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    /** What a number was allocated for. */
    private record Entry(Kind kind, String id) {
    }
}
