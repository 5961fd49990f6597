package headwater.domain.catalog;

import java.util.List;
import java.util.Optional;

/** The stored packages (bouquets). Failures are {@link CatalogException}s. */
public interface PackageRepository {

    /**
     * @throws DuplicateKeyException     the id is taken
     * @throws UnknownReferenceException a channel, movie or series id does not exist
     */
    Package create(Package pkg);

    /**
     * Replaces the name and the channel, film and series sets of the package of the same id.
     *
     * @throws NotFoundException         the package does not exist
     * @throws UnknownReferenceException a channel, movie or series id does not exist
     */
    Package update(Package pkg);

    Optional<Package> find(String id);

    /** @throws NotFoundException the package does not exist */
    default Package get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("package", id));
    }

    /** @return whether it existed */
    boolean delete(String id);

    /** All packages by id. */
    List<Package> list();

    /**
     * The channels of a package by number.
     *
     * @throws NotFoundException the package does not exist
     */
    Page<Channel> channels(String packageId, int offset, int limit);
}
