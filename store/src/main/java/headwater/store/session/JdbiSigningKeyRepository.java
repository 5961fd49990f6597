package headwater.store.session;

import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.protect.FieldCipher;
import headwater.domain.protect.SealedColumns;
import headwater.domain.session.SigningKey;
import headwater.domain.session.SigningKeyRepository;
import headwater.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * {@link SigningKeyRepository} on a {@link Database}: table {@code token_keys} (migration V8). A taken id is found by
 * the insert itself ({@code ON CONFLICT DO NOTHING}, both dialects), so two nodes rotating at once cannot both win.
 *
 * <p>The secret is stored sealed by the {@link FieldCipher} (field {@code token_keys.secret}). A key stored before
 * V14 reads as {@code hex:<key>} until the server seals it at its next start; it is read as such meanwhile.
 */
public final class JdbiSigningKeyRepository implements SigningKeyRepository {

    private static final String FIELD = SealedColumns.TOKEN_KEY_SECRET.field();
    private static final String LEGACY = "hex:";

    private final Database database;
    private final FieldCipher cipher;

    public JdbiSigningKeyRepository(Database database, FieldCipher cipher) {
        this.database = database;
        this.cipher = cipher;
    }

    @Override
    public SigningKey create(SigningKey key) {
        return database.write(handle -> {
            int inserted = handle.createUpdate("INSERT INTO token_keys (id, secret, created_at, retired_at) "
                            + "VALUES (:id, :secret, :created, :retired) ON CONFLICT DO NOTHING")
                    .bind("id", key.id()).bind("secret", cipher.seal(FIELD, key.secret())).bind("created", key.created().toEpochMilli())
                    .bind("retired", key.retired() == null ? null : key.retired().toEpochMilli())
                    .execute();
            if (inserted == 0) {
                throw new DuplicateKeyException("signing key", "id", key.id(), "already exists");
            }
            return key;
        });
    }

    @Override
    public List<SigningKey> list() {
        return database.read(handle -> handle.createQuery("SELECT id, secret, created_at, retired_at FROM token_keys")
                .map((rs, ctx) -> row(rs)).list()).stream()
                .sorted(Comparator.comparingLong(SigningKey::number)).toList();
    }

    @Override
    public boolean retire(String id, Instant at) {
        return database.write(handle -> handle.createUpdate("UPDATE token_keys SET retired_at = :at "
                        + "WHERE id = :id AND retired_at IS NULL")
                .bind("id", id).bind("at", at.toEpochMilli()).execute() > 0);
    }

    @Override
    public int purgeRetiredBefore(Instant at) {
        return database.write(handle -> handle.createUpdate("DELETE FROM token_keys WHERE retired_at < :at")
                .bind("at", at.toEpochMilli()).execute());
    }

    private SigningKey row(ResultSet rs) throws SQLException {
        long retired = rs.getLong(4);
        Instant retiredAt = rs.wasNull() ? null : Instant.ofEpochMilli(retired);
        String stored = rs.getString(2);
        byte[] secret = stored.startsWith(LEGACY) ? HexFormat.of().parseHex(stored, LEGACY.length(), stored.length())
                : cipher.open(FIELD, stored);
        return new SigningKey(rs.getString(1), secret, Instant.ofEpochMilli(rs.getLong(3)), retiredAt);
    }
}
