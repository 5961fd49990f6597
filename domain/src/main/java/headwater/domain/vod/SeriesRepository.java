package headwater.domain.vod;

import headwater.domain.catalog.CatalogException;
import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Page;
import headwater.domain.catalog.UnknownReferenceException;
import java.util.List;
import java.util.Optional;

/**
 * The stored series with their seasons and episodes. Every method does all of its work or none of it, and reports
 * failures as {@link CatalogException}s.
 */
public interface SeriesRepository {

    /**
     * @throws DuplicateKeyException     the id is taken
     * @throws UnknownReferenceException a category id does not exist
     * @throws InvalidValueException     a category is not a SERIES category
     */
    Series create(SeriesDraft draft);

    /**
     * Replaces the series' own fields (not its seasons or episodes) if its stored version is still
     * {@code expectedVersion}. Of two updates based on the same version, exactly one wins.
     *
     * @throws ConcurrentUpdateException the series has been changed since {@code expectedVersion} was read
     * @throws NotFoundException         the series does not exist
     * @throws UnknownReferenceException a category id does not exist
     */
    Series update(long expectedVersion, SeriesDraft draft);

    Optional<Series> find(String id);

    /** @throws NotFoundException the series does not exist */
    default Series get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("series", id));
    }

    /** Removes the series with all its seasons and episodes, and from every package. @return whether it existed */
    boolean delete(String id);

    Page<Series> list(VodQuery query);

    /**
     * Stores a season, replacing the one of the same series and number.
     *
     * @throws NotFoundException the series does not exist
     */
    Season saveSeason(Season season);

    /** Removes a season with its episodes. @return whether it existed */
    boolean deleteSeason(String seriesId, int number);

    /**
     * The seasons of a series by number.
     *
     * @throws NotFoundException the series does not exist
     */
    List<Season> seasons(String seriesId);

    /**
     * Stores a new episode at version 1.
     *
     * @throws DuplicateKeyException the id is taken, or the season already has an episode of that number
     * @throws NotFoundException     the series or the season does not exist
     */
    Episode createEpisode(EpisodeDraft draft);

    /**
     * Replaces the episode {@code draft.id()} if its stored version is still {@code expectedVersion}; it may move to
     * another season of the same series. Of two updates based on the same version, exactly one wins.
     *
     * @throws ConcurrentUpdateException the episode has been changed since {@code expectedVersion} was read
     * @throws NotFoundException         the episode, or its new season, does not exist
     * @throws InvalidValueException     the episode would move to another series
     * @throws DuplicateKeyException     the season already has another episode of that number
     */
    Episode updateEpisode(long expectedVersion, EpisodeDraft draft);

    Optional<Episode> findEpisode(String id);

    /** @throws NotFoundException the episode does not exist */
    default Episode getEpisode(String id) {
        return findEpisode(id).orElseThrow(() -> new NotFoundException("episode", id));
    }

    /** @return whether it existed */
    boolean deleteEpisode(String id);

    /**
     * The episodes of a series by season, then episode number.
     *
     * @throws NotFoundException the series does not exist
     */
    List<Episode> episodes(String seriesId);
}
