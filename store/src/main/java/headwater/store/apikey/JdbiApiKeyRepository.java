package headwater.store.apikey;

import headwater.domain.apikey.ApiKey;
import headwater.domain.apikey.ApiKeyRepository;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.store.Database;
import headwater.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * {@link ApiKeyRepository} on a {@link Database}. Inserts use {@code ON CONFLICT DO NOTHING} (both dialects), so a
 * duplicate is found by the insert itself, inside the write transaction, and named precisely afterwards.
 */
public final class JdbiApiKeyRepository implements ApiKeyRepository {

    private final Database database;
    private final Clock clock;
    private final String collate;

    public JdbiApiKeyRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.collate = database.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
    }

    @Override
    public ApiKey create(String name, String digest) {
        ApiKey key = new ApiKey(name, digest, now(), null);
        return database.write(handle -> {
            int inserted = handle.createUpdate("INSERT INTO api_key (name, digest, created_at) "
                            + "VALUES (:name, :digest, :created) ON CONFLICT DO NOTHING")
                    .bind("name", name).bind("digest", digest).bind("created", key.created().toEpochMilli())
                    .execute();
            if (inserted == 0) {
                throw duplicate(handle, name);
            }
            return key;
        });
    }

    @Override
    public boolean createIfNone(String name, String digest) {
        ApiKey key = new ApiKey(name, digest, now(), null);
        // SQLite needs the WHERE to parse ON CONFLICT after INSERT ... SELECT; PostgreSQL accepts the same text.
        return database.write(handle -> handle.createUpdate("INSERT INTO api_key (name, digest, created_at) "
                        + "SELECT :name, :digest, :created WHERE NOT EXISTS (SELECT 1 FROM api_key) "
                        + "ON CONFLICT DO NOTHING")
                .bind("name", name).bind("digest", digest).bind("created", key.created().toEpochMilli())
                .execute() == 1);
    }

    @Override
    public List<ApiKey> list() {
        return database.read(handle -> handle.createQuery("SELECT name, digest, created_at, last_used_at FROM api_key "
                        + "ORDER BY name" + collate)
                .map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public void recordUse(String name, Instant at) {
        database.write(handle -> handle.createUpdate("UPDATE api_key SET last_used_at = :at WHERE name = :name "
                        + "AND (last_used_at IS NULL OR last_used_at < :at)")
                .bind("name", name).bind("at", at.toEpochMilli()).execute());
    }

    @Override
    public boolean delete(String name) {
        return database.write(handle -> handle.createUpdate("DELETE FROM api_key WHERE name = :name").bind("name", name)
                .execute() > 0);
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    private static DuplicateKeyException duplicate(Handle handle, String name) {
        boolean nameTaken = handle.createQuery("SELECT COUNT(*) FROM api_key WHERE name = :name").bind("name", name)
                .mapTo(Long.class).one() > 0;
        // Never echo the digest: it identifies a live key.
        return nameTaken ? new DuplicateKeyException("api key", "name", name, "already exists")
                : new DuplicateKeyException("api key", "digest", "of key " + name, "is already stored under another name");
    }

    private static ApiKey row(ResultSet rs) throws SQLException {
        long lastUsed = rs.getLong(4);
        Instant lastUsedAt = rs.wasNull() ? null : Instant.ofEpochMilli(lastUsed);
        return new ApiKey(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), lastUsedAt);
    }
}
