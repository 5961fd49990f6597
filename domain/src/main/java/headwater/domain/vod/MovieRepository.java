package headwater.domain.vod;

import headwater.domain.catalog.CatalogException;
import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Page;
import headwater.domain.catalog.UnknownReferenceException;
import java.util.Optional;

/**
 * The stored films. Every method does all of its work or none of it, and reports failures as
 * {@link CatalogException}s.
 */
public interface MovieRepository {

    /**
     * Stores a new film at version 1, added now.
     *
     * @throws DuplicateKeyException     the id is taken
     * @throws UnknownReferenceException a category id does not exist
     * @throws InvalidValueException     a category is not a VOD category
     */
    Movie create(MovieDraft draft);

    /**
     * Replaces the film {@code draft.id()} if its stored version is still {@code expectedVersion}; the version then
     * becomes {@code expectedVersion + 1}. Of two updates based on the same version, exactly one wins.
     *
     * @throws ConcurrentUpdateException the film has been changed since {@code expectedVersion} was read
     * @throws NotFoundException         the film does not exist
     * @throws UnknownReferenceException a category id does not exist
     * @throws InvalidValueException     a category is not a VOD category
     */
    Movie update(long expectedVersion, MovieDraft draft);

    Optional<Movie> find(String id);

    /** @throws NotFoundException the film does not exist */
    default Movie get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("movie", id));
    }

    /** Removes the film from the catalogue and from every package. @return whether it existed */
    boolean delete(String id);

    Page<Movie> list(VodQuery query);
}
