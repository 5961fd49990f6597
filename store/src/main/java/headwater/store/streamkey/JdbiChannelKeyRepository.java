package headwater.store.streamkey;

import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.protect.FieldCipher;
import headwater.domain.protect.SealedColumns;
import headwater.domain.streamkey.ChannelKey;
import headwater.domain.streamkey.ChannelKeyRepository;
import headwater.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * {@link ChannelKeyRepository} on a {@link Database}: table {@code stream_key} (migration V16). The key bytes are
 * sealed by the {@link FieldCipher} (field {@code stream_key.secret}) before they are written and opened after they
 * are read: a dump of the database holds no content key. Ordered by creation, then id.
 */
public final class JdbiChannelKeyRepository implements ChannelKeyRepository {

    private static final String FIELD = SealedColumns.STREAM_KEY_SECRET.field();

    private final Database database;
    private final FieldCipher cipher;

    public JdbiChannelKeyRepository(Database database, FieldCipher cipher) {
        this.database = database;
        this.cipher = cipher;
    }

    @Override
    public List<ChannelKey> list(String channelId) {
        return database.read(handle -> handle.createQuery("SELECT channel_id, id, secret, created_at, retired_at "
                        + "FROM stream_key WHERE channel_id = :channel ORDER BY created_at, id")
                .bind("channel", channelId).map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public void create(ChannelKey key) {
        String sealed = cipher.seal(FIELD, key.secret());
        int inserted = database.write(handle -> handle.createUpdate("INSERT INTO stream_key "
                        + "(id, channel_id, secret, created_at, retired_at) "
                        + "VALUES (:id, :channel, :secret, :created, :retired) ON CONFLICT DO NOTHING")
                .bind("id", key.id()).bind("channel", key.channelId()).bind("secret", sealed)
                .bind("created", key.created().toEpochMilli())
                .bind("retired", key.retired() == null ? null : key.retired().toEpochMilli())
                .execute());
        if (inserted == 0) {
            throw new DuplicateKeyException("stream key", "id", key.id(), "already exists");
        }
    }

    @Override
    public boolean retire(String channelId, String id, Instant at) {
        return database.write(handle -> handle.createUpdate("UPDATE stream_key SET retired_at = :at "
                        + "WHERE channel_id = :channel AND id = :id AND retired_at IS NULL")
                .bind("channel", channelId).bind("id", id).bind("at", at.toEpochMilli()).execute() > 0);
    }

    @Override
    public int purgeRetiredBefore(String channelId, Instant before) {
        return database.write(handle -> handle.createUpdate("DELETE FROM stream_key "
                        + "WHERE channel_id = :channel AND retired_at < :before")
                .bind("channel", channelId).bind("before", before.toEpochMilli()).execute());
    }

    private ChannelKey row(ResultSet rs) throws SQLException {
        long retired = rs.getLong(5);
        Instant retiredAt = rs.wasNull() ? null : Instant.ofEpochMilli(retired);
        return new ChannelKey(rs.getString(1), rs.getString(2), cipher.open(FIELD, rs.getString(3)),
                Instant.ofEpochMilli(rs.getLong(4)), retiredAt);
    }
}
