package headwater.domain.catalog.importing;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The categories of an import's groups: an existing category of the same kind and exact name, else a new one (id
 * from the name), created once however many entries name it. Radio entries' groups are RADIO categories, the
 * others' LIVE.
 */
final class CategoryResolver {

    private final Map<String, String> idByKindAndName = new HashMap<>();
    private final Set<String> takenIds = new HashSet<>();
    private final List<Category> created = new ArrayList<>();

    CategoryResolver(List<Category> existing) {
        for (Category category : existing) {
            takenIds.add(category.id());
            idByKindAndName.putIfAbsent(key(category.kind(), category.name()), category.id());
        }
    }

    /** The ids of {@code groups}' categories, in order; new categories are kept for {@link #drainCreated()}. */
    List<String> ids(List<String> groups, boolean radio) {
        CategoryKind kind = radio ? CategoryKind.RADIO : CategoryKind.LIVE;
        var ids = new ArrayList<String>(groups.size());
        for (String group : groups) {
            String id = idByKindAndName.get(key(kind, group));
            if (id == null) {
                String base = Slugs.of(group, "group");
                id = Slugs.unique(kind == CategoryKind.RADIO ? "radio-" + base : base, takenIds);
                idByKindAndName.put(key(kind, group), id);
                created.add(Category.of(id, group, kind));
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The categories made since the last call. */
    List<Category> drainCreated() {
        List<Category> drained = List.copyOf(created);
        created.clear();
        return drained;
    }

    private static String key(CategoryKind kind, String name) {
        return kind + "\u0000" + name;
    }
}
