package headwater.store.catalog;

import headwater.store.Database;

/**
 * A cheap summary of the packages' channel memberships, the counterpart of {@link ChannelsFingerprint} for whoever
 * indexes which packages hold a channel: it changes when a package is created or deleted (count), when one is
 * updated or gains or loses channels (every such change bumps its version), and when memberships come or go (their
 * count, and the lengths of the ids involved). Two aggregate queries, no rows transferred.
 *
 * <p>The blind spot of any aggregate: a package deleted and another created between two reads, with ids of the same
 * lengths and as many channels whose ids have the same lengths, leave it as it was. No plan or subscriber can still
 * name the deleted package (they refer to it with ON DELETE RESTRICT), so an index that missed it grants nothing it
 * should not; it misses the new package until the next change.
 */
public record PackagesFingerprint(long count, long versionSum, long idLengths, long memberships, long memberLengths) {

    public static PackagesFingerprint read(Database database) {
        return database.read(handle -> {
            long[] packages = handle.createQuery("SELECT count(*), coalesce(sum(version), 0), "
                            + "coalesce(sum(length(id)), 0) FROM package")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                    .one();
            long[] members = handle.createQuery("SELECT count(*), coalesce(sum(length(channel_id)), 0) "
                            + "FROM package_channel")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .one();
            return new PackagesFingerprint(packages[0], packages[1], packages[2], members[0], members[1]);
        });
    }
}
