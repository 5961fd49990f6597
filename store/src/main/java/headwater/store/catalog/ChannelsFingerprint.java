package headwater.store.catalog;

import headwater.store.Database;

/**
 * A cheap summary of the channel table that changes whenever a channel is created (count), updated (every update
 * increments its version), or deleted (count), and when one is deleted and another created in between two reads
 * (the new one's creation time is later than any deleted one's, so the sum of creation times grows). One aggregate
 * query, no rows transferred: a poller compares it before reading the channels themselves.
 */
public record ChannelsFingerprint(long count, long versionSum, long createdSum, long lastUpdated) {

    public static ChannelsFingerprint read(Database database) {
        return database.read(handle -> handle.createQuery("SELECT count(*), coalesce(sum(version), 0), "
                        + "coalesce(sum(created_at), 0), coalesce(max(updated_at), 0) FROM channel")
                .map((rs, ctx) -> new ChannelsFingerprint(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .one());
    }
}
