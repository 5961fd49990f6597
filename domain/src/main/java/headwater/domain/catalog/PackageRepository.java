package headwater.domain.catalog;

import java.util.Collection;
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
     * Replaces the name and the channel, film and series sets of the package of the same id, if {@code expectedVersion}
     * is still the stored version, which then becomes {@code expectedVersion + 1} (the version of the returned value;
     * {@code pkg.version()} is ignored). Of two updates based on the same version, exactly one wins.
     *
     * @throws ConcurrentUpdateException the package has been changed since {@code expectedVersion} was read
     * @throws NotFoundException         the package does not exist
     * @throws UnknownReferenceException a channel, movie or series id does not exist
     */
    Package update(long expectedVersion, Package pkg);

    /**
     * Adds channels to a package in one transaction of the store, without reading and rewriting the package:
     * concurrent additions never lose each other, whatever version they read. Channels already in the package are
     * left as they are (idempotent); the package's version is bumped once if any channel was added.
     *
     * @return the package as stored afterwards
     * @throws NotFoundException         the package does not exist
     * @throws UnknownReferenceException a channel does not exist (nothing is added)
     */
    Package addChannels(String packageId, Collection<String> channelIds);

    /**
     * Removes channels from a package in one transaction of the store, like {@link #addChannels}; the version is
     * bumped once.
     *
     * @return the package as stored afterwards
     * @throws NotFoundException the package does not exist, or a channel is not in it (nothing is removed)
     */
    Package removeChannels(String packageId, Collection<String> channelIds);

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
