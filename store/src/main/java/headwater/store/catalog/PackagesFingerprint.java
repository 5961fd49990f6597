package headwater.store.catalog;

import headwater.store.Database;

/**
 * A cheap summary of the packages' channel memberships, the counterpart of {@link ChannelsFingerprint} for whoever
 * indexes which packages hold a channel: it changes when a package is created or deleted (count), when one is
 * updated or gains or loses channels (every such change bumps its version), and when memberships come or go (their
 * count). Two aggregate queries, no rows transferred.
 *
 * <p>One blind spot, as for any aggregate: a package deleted and another of the same size created between two reads
 * leave it as it was. A poller therefore also reads everything now and then (CatalogueSync does, every 30 polls).
 */
public record PackagesFingerprint(long count, long versionSum, long memberships) {

    public static PackagesFingerprint read(Database database) {
        return database.read(handle -> {
            long[] packages = handle.createQuery("SELECT count(*), coalesce(sum(version), 0) FROM package")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .one();
            long memberships = handle.createQuery("SELECT count(*) FROM package_channel").mapTo(Long.class).one();
            return new PackagesFingerprint(packages[0], packages[1], memberships);
        });
    }
}
