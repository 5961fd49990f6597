package headwater.domain.guide;

import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.NotFoundException;
import java.util.List;
import java.util.Optional;

/** The stored guide sources. Failures are {@link headwater.domain.catalog.CatalogException}s. */
public interface GuideSourceRepository {

    /** @throws DuplicateKeyException the id is taken */
    GuideSource create(GuideSourceDraft draft);

    /**
     * Replaces the source's draft if its stored version is still {@code expectedVersion}.
     *
     * @throws ConcurrentUpdateException the source was changed since {@code expectedVersion} was read
     * @throws NotFoundException         the source does not exist
     */
    GuideSource update(long expectedVersion, GuideSourceDraft draft);

    Optional<GuideSource> find(String id);

    /** @throws NotFoundException the source does not exist */
    default GuideSource get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("guide source", id));
    }

    /** All sources, highest priority first, then by id. */
    List<GuideSource> list();

    /**
     * Deletes the source; its guide disappears at once (its stored programmes are removed in the background by
     * {@link GuideStore#collectGarbage}).
     *
     * @return whether it existed
     */
    boolean delete(String id);

    /**
     * Records a failed import on the source; the source's guide stays as it was. (A successful import records its
     * outcome in the same transaction that makes its guide current: {@link GuideLoad#commit}.)
     *
     * @throws NotFoundException the source does not exist
     */
    void recordFailure(String id, GuideImportOutcome outcome);
}
