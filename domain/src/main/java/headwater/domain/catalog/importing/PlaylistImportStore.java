package headwater.domain.catalog.importing;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What playlist imports read and write; {@code store} implements it. Failures are {@link headwater.domain.catalog.CatalogException}s. */
public interface PlaylistImportStore {

    /** Every link of {@code source} (present or not) with its channel, by position, read in one snapshot. */
    List<LinkedChannel> linked(String source);

    /** The ids of all channels. */
    Set<String> channelIds();

    /** The numbers of all channels. */
    Set<Integer> channelNumbers();

    /**
     * Applies one batch in one transaction: categories (created when their id does not exist), channel creations,
     * updates (optimistic: each at its expected version), deletions, then links; all or nothing.
     *
     * @throws headwater.domain.catalog.ConcurrentUpdateException a channel changed since it was read
     * @throws headwater.domain.catalog.DuplicateKeyException     an id or number was taken meanwhile
     */
    void apply(ImportBatch batch);

    /** Records the source's last import (after its last batch). */
    void recordSource(ImportSourceRecord record);

    Optional<ImportSourceRecord> source(String source);

    /** All sources by name. */
    List<ImportSourceRecord> sources();
}
