package headwater.domain.catalog.importing;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.ChannelDraft;
import java.util.List;

/**
 * One transaction of an import: categories to create if they do not exist yet, channels to create, update (each at
 * the version it was read at), disable or delete, and the links of those channels (and of entries whose channel
 * did not change but whose place in the playlist did). All of it is applied, or none.
 *
 * @param deletes ids of channels to delete (their links go with them)
 * @param links   links to store, replacing the source's link of the same channel
 */
public record ImportBatch(String source, List<Category> categories, List<ChannelDraft> creates,
                          List<ChannelUpdate> updates, List<String> deletes, List<ImportLink> links) {

    public ImportBatch {
        ImportLink.checkSource(source);
        categories = List.copyOf(categories);
        creates = List.copyOf(creates);
        updates = List.copyOf(updates);
        deletes = List.copyOf(deletes);
        links = List.copyOf(links);
    }

    public boolean isEmpty() {
        return categories.isEmpty() && creates.isEmpty() && updates.isEmpty() && deletes.isEmpty() && links.isEmpty();
    }
}
