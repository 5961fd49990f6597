package headwater.api;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;

/** A category as the API returns it. */
record CategoryView(String id, String name, CategoryKind kind, int sortOrder, String parentId,
                    long version) {

    static CategoryView of(Category category) {
        return new CategoryView(category.id(), category.name(), category.kind(), category.sortOrder(),
                category.parentId(), category.version());
    }
}
