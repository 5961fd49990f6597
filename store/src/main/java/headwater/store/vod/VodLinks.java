package headwater.store.vod;

import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.store.catalog.Chunks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The link tables of films or of series: their categories in display order ({@code movie_category},
 * {@code series_category}) and the packages they are in ({@code package_movie}, {@code package_series}). The table
 * and column names are constants of this class, never input.
 */
final class VodLinks {

    static final VodLinks MOVIES = new VodLinks("movie", "movie_category", "movie_id", CategoryKind.VOD,
            "package_movie");
    static final VodLinks SERIES = new VodLinks("series", "series_category", "series_id", CategoryKind.SERIES,
            "package_series");

    private final String entity;
    private final String table;
    private final String owner;
    private final CategoryKind kind;
    private final String packageTable;

    private VodLinks(String entity, String table, String owner, CategoryKind kind, String packageTable) {
        this.entity = entity;
        this.table = table;
        this.owner = owner;
        this.kind = kind;
        this.packageTable = packageTable;
    }

    /**
     * {@code alias.id IN (...)}: the rows of {@code alias} in the category bound as {@code :categoryId}. IN, not
     * EXISTS: SQLite then starts from the category's index instead of walking every film in name order and testing
     * each (VodListingBenchmark: a category with no match in the plan's packages took 170-250 ms of 20,000 films).
     */
    String inCategory(String alias) {
        return alias + ".id IN (SELECT l." + owner + " FROM " + table + " l WHERE l.category_id = :categoryId)";
    }

    /**
     * {@code EXISTS (...)}: the rows of {@code alias} in one of the packages bound as {@code <packageIds>}. EXISTS,
     * not IN: a plan's packages usually hold much of the library, and walking in name order stops after one page.
     */
    String inPackages(String alias) {
        return "EXISTS (SELECT 1 FROM " + packageTable + " p WHERE p." + owner + " = " + alias + ".id AND "
                + "p.package_id IN (<packageIds>))";
    }

    /**
     * @throws UnknownReferenceException a category does not exist
     * @throws InvalidValueException     a category is of another kind
     */
    void check(Handle handle, String id, List<String> categoryIds) {
        if (categoryIds.isEmpty()) {
            return;
        }
        Map<String, String> kinds = new HashMap<>();
        for (List<String> chunk : Chunks.of(categoryIds)) {
            handle.createQuery("SELECT id, kind FROM category WHERE id IN (<ids>)").bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> kinds.put(e.getKey(), e.getValue()));
        }
        List<String> missing = categoryIds.stream().filter(c -> !kinds.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new UnknownReferenceException(entity, id, "category", missing);
        }
        for (int i = 0; i < categoryIds.size(); i++) {
            String other = kinds.get(categoryIds.get(i));
            if (!other.equals(kind.name())) {
                throw new InvalidValueException(entity, "categoryIds[" + i + "]", "\"" + categoryIds.get(i)
                        + "\" is a " + other + " category: a " + entity + " belongs to " + kind + " categories");
            }
        }
    }

    void write(Handle handle, String id, List<String> categoryIds, boolean replace) {
        if (replace) {
            handle.createUpdate("DELETE FROM " + table + " WHERE " + owner + " = :id").bind("id", id).execute();
        }
        if (categoryIds.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("INSERT INTO " + table + " (" + owner + ", category_id, position) "
                + "VALUES (:owner, :category, :position)");
        for (int i = 0; i < categoryIds.size(); i++) {
            batch.bind("owner", id).bind("category", categoryIds.get(i)).bind("position", i).add();
        }
        batch.execute();
    }

    /** The categories of each of {@code ids} that has any, in display order. */
    Map<String, List<String>> load(Handle handle, List<String> ids) {
        Map<String, List<String>> categories = new HashMap<>();
        for (List<String> chunk : Chunks.of(ids)) {
            handle.createQuery("SELECT " + owner + ", category_id FROM " + table + " WHERE " + owner + " IN (<ids>) "
                            + "ORDER BY " + owner + ", position")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> categories.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return categories;
    }
}
