package headwater.store.catalog;

import headwater.store.Database;

/**
 * A cheap summary of the packages' films and series, which {@link PackagesFingerprint} (channels only) leaves out:
 * films and series join or leave packages from either side (the package or the film's own package list), not always
 * with a package version bump. It changes when memberships come or go (their count, and the lengths of the ids
 * involved). Two aggregate queries, no rows transferred; the blind spot of {@link PackagesFingerprint}'s members.
 */
public record PackageVodFingerprint(long movies, long movieLengths, long series, long seriesLengths) {

    public static PackageVodFingerprint read(Database database) {
        return database.read(handle -> {
            long[] movies = handle.createQuery("SELECT count(*), "
                            + "coalesce(sum(length(package_id) + length(movie_id)), 0) FROM package_movie")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .one();
            long[] series = handle.createQuery("SELECT count(*), "
                            + "coalesce(sum(length(package_id) + length(series_id)), 0) FROM package_series")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .one();
            return new PackageVodFingerprint(movies[0], movies[1], series[0], series[1]);
        });
    }
}
