package headwater.domain.catalog.importing;

import headwater.domain.catalog.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What playlist imports read and write; {@code store} implements it. Failures are {@link headwater.domain.catalog.CatalogException}s. */
public interface PlaylistImportStore {

    /** Every link of {@code source} (present or not), by position. */
    List<ImportLink> links(String source);

    /** The channels of these ids that exist, by id. */
    Map<String, Channel> channels(Collection<String> ids);

    /** Every link of {@code source} with its channel, by position (for tools and reports). */
    default List<LinkedChannel> linked(String source) {
        List<ImportLink> links = links(source);
        Map<String, Channel> channels = channels(links.stream().map(ImportLink::channelId).toList());
        var linked = new ArrayList<LinkedChannel>(links.size());
        for (ImportLink link : links) {
            Channel channel = channels.get(link.channelId());
            if (channel != null) {
                linked.add(new LinkedChannel(link, channel));
            }
        }
        return linked;
    }

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
