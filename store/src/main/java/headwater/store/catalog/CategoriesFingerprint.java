package headwater.store.catalog;

import headwater.store.Database;

/**
 * A cheap summary of the category table, the counterpart of {@link ChannelsFingerprint} for whoever keeps categories
 * (the Xtream listings): it changes when a category is created or deleted (count), updated (every update bumps its
 * version), and when one is deleted and another created in between with ids and names of other lengths. One aggregate
 * query, no rows transferred. Blind spot: a delete and a create of names and ids of the same lengths between two
 * reads.
 */
public record CategoriesFingerprint(long count, long versionSum, long lengths) {

    public static CategoriesFingerprint read(Database database) {
        return database.read(handle -> handle.createQuery("SELECT count(*), coalesce(sum(version), 0), "
                        + "coalesce(sum(length(id) + length(name)), 0) FROM category")
                .map((rs, ctx) -> new CategoriesFingerprint(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .one());
    }
}
