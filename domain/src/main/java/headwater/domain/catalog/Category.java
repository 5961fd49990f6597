package headwater.domain.catalog;

/**
 * A category of the catalogue ("Sports", "News"), of one {@link CategoryKind}, ordered by {@code sortOrder} then name,
 * optionally nested under a parent category of the same kind.
 *
 * @param parentId the parent category's id, or null for a top-level category
 * @param version  the stored version, incremented by every update, which names the version it was based on
 *                 (optimistic concurrency); a value not stored yet has 1, the version {@code create} gives it
 */
public record Category(String id, String name, CategoryKind kind, int sortOrder, String parentId,
                       long version) {

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
        Check.version("category", version);
    }

    /** A category not stored yet (version 1). */
    public Category(String id, String name, CategoryKind kind, int sortOrder, String parentId) {
        this(id, name, kind, sortOrder, parentId, 1);
    }

    public static Category of(String id, String name, CategoryKind kind) {
        return new Category(id, name, kind, 0, null);
    }

    /** This category as stored at {@code newVersion}. */
    public Category withVersion(long newVersion) {
        return new Category(id, name, kind, sortOrder, parentId, newVersion);
    }

    public Category withName(String newName) {
        return new Category(id, newName, kind, sortOrder, parentId, version);
    }

    public Category withSortOrder(int newSortOrder) {
        return new Category(id, name, kind, newSortOrder, parentId, version);
    }

    public Category withParentId(String newParentId) {
        return new Category(id, name, kind, sortOrder, newParentId, version);
    }
}
