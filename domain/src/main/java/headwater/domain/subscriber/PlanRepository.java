package headwater.domain.subscriber;

import headwater.domain.catalog.CatalogException;
import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.ReferenceInUseException;
import headwater.domain.catalog.UnknownReferenceException;
import java.util.List;
import java.util.Optional;

/** The stored plans. Failures are {@link CatalogException}s. */
public interface PlanRepository {

    /**
     * @throws DuplicateKeyException     the id is taken
     * @throws UnknownReferenceException a package id does not exist
     */
    Plan create(Plan plan);

    /**
     * Replaces the plan of the same id if {@code expectedVersion}
     * is still the stored version, which then becomes {@code expectedVersion + 1} (the version of the returned value;
     * {@code plan.version()} is ignored). Of two updates based on the same version, exactly one wins.
     *
     * @throws ConcurrentUpdateException the plan has been changed since {@code expectedVersion} was read
     * @throws NotFoundException         the plan does not exist
     * @throws UnknownReferenceException a package id does not exist
     */
    Plan update(long expectedVersion, Plan plan);

    Optional<Plan> find(String id);

    /** @throws NotFoundException the plan does not exist */
    default Plan get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("plan", id));
    }

    /**
     * @return whether it existed
     * @throws ReferenceInUseException subscribers are on the plan
     */
    boolean delete(String id);

    /** All plans by id. */
    List<Plan> list();
}
