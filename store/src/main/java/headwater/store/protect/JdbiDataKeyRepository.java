package headwater.store.protect;

import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.protect.DataKey;
import headwater.domain.protect.DataKeyRepository;
import headwater.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** {@link DataKeyRepository} on a {@link Database}: table {@code data_key} (migration V14). */
public final class JdbiDataKeyRepository implements DataKeyRepository {

    private final Database database;

    public JdbiDataKeyRepository(Database database) {
        this.database = database;
    }

    @Override
    public List<DataKey> list() {
        return database.read(handle -> handle.createQuery("SELECT id, wrapped, created_at, retired_at FROM data_key "
                + "ORDER BY created_at, id").map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public void add(DataKey key) {
        database.write(handle -> {
            int inserted = handle.createUpdate("INSERT INTO data_key (id, wrapped, created_at, retired_at) "
                            + "VALUES (:id, :wrapped, :created, :retired) ON CONFLICT DO NOTHING")
                    .bind("id", key.id()).bind("wrapped", key.wrapped())
                    .bind("created", key.created().toEpochMilli())
                    .bind("retired", key.retired() == null ? null : key.retired().toEpochMilli())
                    .execute();
            if (inserted == 0) {
                throw new DuplicateKeyException("data key", "id", key.id(), "already exists");
            }
            return null;
        });
    }

    @Override
    public void retireAllBut(String keepId, Instant at) {
        database.write(handle -> handle.createUpdate("UPDATE data_key SET retired_at = :at "
                        + "WHERE id <> :keep AND retired_at IS NULL")
                .bind("keep", keepId).bind("at", at.toEpochMilli()).execute());
    }

    @Override
    public void rewrap(List<DataKey> keys) {
        database.write(handle -> {
            for (DataKey key : keys) {
                int updated = handle.createUpdate("UPDATE data_key SET wrapped = :wrapped WHERE id = :id")
                        .bind("id", key.id()).bind("wrapped", key.wrapped()).execute();
                if (updated == 0) {
                    throw new NotFoundException("data key", key.id());
                }
            }
            return null;
        });
    }

    private static DataKey row(ResultSet rs) throws SQLException {
        long retired = rs.getLong(4);
        Instant retiredAt = rs.wasNull() ? null : Instant.ofEpochMilli(retired);
        return new DataKey(rs.getString(1), rs.getBytes(2), Instant.ofEpochMilli(rs.getLong(3)), retiredAt);
    }
}
