package headwater.api;

import java.util.List;

/**
 * The body of a listing.
 *
 * @param total how many items match in all pages
 */
record Listing<T>(List<T> items, int page, int size, long total) {
}
