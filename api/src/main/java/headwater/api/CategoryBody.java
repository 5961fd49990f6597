package headwater.api;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A category as a client sends it. {@code sortOrder} defaults to 0, {@code parentId} to none.
 *
 * @param id      required on create; on update optional, and then equal to the id in the path
 * @param version on update, the version the change is based on (or send {@code If-Match}); refused on create
 */
record CategoryBody(String id, String name, CategoryKind kind, Integer sortOrder, String parentId,
                    Long version) {

    Category category(String pathId) {
        List<FieldError> missing = new ArrayList<>();
        String effectiveId = Bodies.id(pathId, id, missing);
        Bodies.required("name", name, missing);
        Bodies.required("kind", kind, missing);
        Bodies.check(missing);
        return new Category(effectiveId, name, kind, sortOrder == null ? 0 : sortOrder, parentId);
    }
}
