package headwater.domain.subscriber;

import headwater.domain.catalog.CatalogException;
import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Page;
import headwater.domain.catalog.UnknownReferenceException;
import java.util.Optional;

/**
 * The stored subscribers. Every method either does all of its work or none of it, and reports failures as
 * {@link CatalogException}s.
 */
public interface SubscriberRepository {

    /**
     * Stores a new subscriber at version 1.
     *
     * @throws DuplicateKeyException     the id is taken, or the username is (ignoring case)
     * @throws UnknownReferenceException a package, the plan or the owning reseller does not exist
     */
    Subscriber create(SubscriberDraft draft);

    /**
     * Replaces the subscriber {@code draft.id()} if its stored version is still {@code expectedVersion}; the stored
     * version then becomes {@code expectedVersion + 1}. Of two updates based on the same version, exactly one wins.
     *
     * @throws ConcurrentUpdateException the subscriber has been changed since {@code expectedVersion} was read
     * @throws NotFoundException         the subscriber does not exist
     * @throws DuplicateKeyException     the new username is taken by another subscriber (ignoring case)
     * @throws UnknownReferenceException a package, the plan or the owning reseller does not exist
     */
    Subscriber update(long expectedVersion, SubscriberDraft draft);

    Optional<Subscriber> find(String id);

    /** @throws NotFoundException the subscriber does not exist */
    default Subscriber get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("subscriber", id));
    }

    /** The subscriber whose username equals {@code username} ignoring ASCII case. */
    Optional<Subscriber> findByUsername(String username);

    /**
     * Deletes the subscriber with its devices, networks and package grants.
     *
     * @return whether it existed
     */
    boolean delete(String id);

    Page<Subscriber> list(SubscriberQuery query);

    /** How many subscribers match the query's filters (its sort and page are ignored). */
    long count(SubscriberQuery query);
}
