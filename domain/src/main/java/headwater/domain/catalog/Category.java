package headwater.domain.catalog;

/**
 * A category of the catalogue ("Sports", "News"), of one {@link CategoryKind}, ordered by {@code sortOrder} then name,
 * optionally nested under a parent category of the same kind.
 *
 * @param parentId the parent category's id, or null for a top-level category
 */
public record Category(String id, String name, CategoryKind kind, int sortOrder, String parentId) {

    public static final int MAX_SORT_ORDER = 1_000_000;

    public Category {
        Check.id("category", "id", id);
        Check.text("category", "name", name, Check.MAX_NAME_LENGTH);
        if (kind == null) {
            throw new InvalidValueException("category", "kind", "is missing: one of LIVE, RADIO, VOD, SERIES");
        }
        Check.range("category", "sortOrder", sortOrder, -MAX_SORT_ORDER, MAX_SORT_ORDER);
        if (parentId != null) {
            Check.id("category", "parentId", parentId);
            if (parentId.equals(id)) {
                throw new InvalidValueException("category", "parentId", "\"" + parentId + "\" is the category itself");
            }
        }
    }

    public static Category of(String id, String name, CategoryKind kind) {
        return new Category(id, name, kind, 0, null);
    }

    public Category withName(String newName) {
        return new Category(id, newName, kind, sortOrder, parentId);
    }

    public Category withSortOrder(int newSortOrder) {
        return new Category(id, name, kind, newSortOrder, parentId);
    }

    public Category withParentId(String newParentId) {
        return new Category(id, name, kind, sortOrder, newParentId);
    }
}
