package headwater.domain.catalog;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param total how many values match the filter in all pages
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return offset + items.size() < total;
    }
}
