package headwater.domain.catalog;

import java.util.List;
import java.util.Optional;

/** The stored categories. Failures are {@link CatalogException}s. */
public interface CategoryRepository {

    /**
     * @throws DuplicateKeyException     the id is taken
     * @throws UnknownReferenceException the parent does not exist
     * @throws InvalidValueException     the parent is of another kind
     */
    Category create(Category category);

    /**
     * Replaces the category of the same id if {@code expectedVersion} is still the stored version, which then becomes
     * {@code expectedVersion + 1} (the version of the returned value; {@code category.version()} is ignored). Of two
     * updates based on the same version, exactly one wins.
     *
     * @throws ConcurrentUpdateException the category has been changed since {@code expectedVersion} was read
     * @throws NotFoundException         the category does not exist
     * @throws UnknownReferenceException the parent does not exist
     * @throws InvalidValueException     the parent is of another kind, or would make a cycle
     */
    Category update(long expectedVersion, Category category);

    Optional<Category> find(String id);

    /** @throws NotFoundException the category does not exist */
    default Category get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("category", id));
    }

    /**
     * @return whether it existed
     * @throws ReferenceInUseException channels or child categories still refer to it
     */
    boolean delete(String id);

    /** The categories of one kind, or all when {@code kind} is null, by sort order, then name, then id. */
    List<Category> list(CategoryKind kind);
}
