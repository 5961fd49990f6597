package headwater.domain.vod;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import java.util.Set;
import java.util.TreeSet;

/**
 * A filtered, sorted page of films or series. Null filters match everything.
 *
 * @param categoryId   only those in this category
 * @param nameContains only those whose name contains this text, ignoring ASCII case; '%' and '_' are literal
 * @param year         only those of this year
 * @param enabled      only enabled (true) or disabled (false) ones
 * @param packageIds   only those in at least one of these packages (what a subscriber's plan allows); an empty set
 *                     matches nothing
 * @param sort         the order; films without a year sort before all others by {@link VodSort#YEAR}
 */
public record VodQuery(String categoryId, String nameContains, Integer year, Boolean enabled, Set<String> packageIds,
                       VodSort sort, boolean descending, int offset, int limit) {

    public static final int MAX_LIMIT = 1000;
    public static final int MAX_PACKAGES = 1000;

    public VodQuery {
        if (categoryId != null) {
            Check.id("vod query", "categoryId", categoryId);
        }
        Check.optionalText("vod query", "nameContains", nameContains, Check.MAX_NAME_LENGTH);
        VodCheck.year("vod query", "year", year);
        if (packageIds != null) {
            if (packageIds.size() > MAX_PACKAGES) {
                throw new InvalidValueException("vod query", "packageIds", "has " + packageIds.size()
                        + " entries: at most " + MAX_PACKAGES + " allowed");
            }
            TreeSet<String> sorted = new TreeSet<>();
            for (String id : packageIds) {
                sorted.add(Check.id("vod query", "packageIds", id));
            }
            packageIds = java.util.Collections.unmodifiableSortedSet(sorted);
        }
        if (sort == null) {
            throw new InvalidValueException("vod query", "sort", "is missing: one of NAME, ADDED, YEAR");
        }
        if (offset < 0) {
            throw new InvalidValueException("vod query", "offset", "is " + offset + ": must not be negative");
        }
        Check.range("vod query", "limit", limit, 1, MAX_LIMIT);
    }

    /** Everything by name, the first {@code limit}. */
    public static VodQuery firstPage(int limit) {
        return new VodQuery(null, null, null, null, null, VodSort.NAME, false, 0, limit);
    }

    public VodQuery inCategory(String newCategoryId) {
        return new VodQuery(newCategoryId, nameContains, year, enabled, packageIds, sort, descending, offset, limit);
    }

    public VodQuery nameContaining(String text) {
        return new VodQuery(categoryId, text, year, enabled, packageIds, sort, descending, offset, limit);
    }

    public VodQuery ofYear(Integer newYear) {
        return new VodQuery(categoryId, nameContains, newYear, enabled, packageIds, sort, descending, offset, limit);
    }

    public VodQuery enabledOnly(Boolean newEnabled) {
        return new VodQuery(categoryId, nameContains, year, newEnabled, packageIds, sort, descending, offset, limit);
    }

    public VodQuery inPackages(Set<String> newPackageIds) {
        return new VodQuery(categoryId, nameContains, year, enabled, newPackageIds, sort, descending, offset, limit);
    }

    public VodQuery sortedBy(VodSort newSort, boolean newDescending) {
        return new VodQuery(categoryId, nameContains, year, enabled, packageIds, newSort, newDescending, offset, limit);
    }

    public VodQuery page(int newOffset, int newLimit) {
        return new VodQuery(categoryId, nameContains, year, enabled, packageIds, sort, descending, newOffset, newLimit);
    }

    /** The page after this one. */
    public VodQuery next() {
        return page(offset + limit, limit);
    }
}
