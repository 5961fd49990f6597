package headwater.store.apitoken;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.apitoken.ApiToken;
import headwater.domain.apitoken.ApiTokenRepository;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.identity.Role;
import headwater.store.Database;
import headwater.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * {@link ApiTokenRepository} on a {@link Database}. Inserts use {@code ON CONFLICT DO NOTHING} (both dialects), so a
 * duplicate is found by the insert itself, inside the write transaction, and named precisely afterwards. Tokens are
 * found by their digest through its unique index: the digest of a 256-bit random token reveals nothing that helps
 * forge one, so an indexed lookup leaks nothing useful by its timing; the caller compares the digests found in
 * constant time.
 */
public final class JdbiApiTokenRepository implements ApiTokenRepository {

    private static final String COLUMNS = "name, digest, role, scopes, reseller_id, created_by, created_at, "
            + "last_used_at, expires_at, revoked_at";

    private final Database database;
    private final String collate;

    public JdbiApiTokenRepository(Database database) {
        this.database = database;
        this.collate = database.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
    }

    @Override
    public ApiToken create(ApiToken token) {
        return database.write(handle -> {
            int inserted = handle.createUpdate("INSERT INTO api_token (" + COLUMNS + ") VALUES (:name, :digest, "
                            + ":role, :scopes, :reseller, :createdBy, :created, NULL, :expires, NULL) "
                            + "ON CONFLICT DO NOTHING")
                    .bind("name", token.name()).bind("digest", token.digest()).bind("role", token.role().name())
                    .bind("scopes", String.join(" ", token.scopeTexts())).bind("reseller", token.resellerId())
                    .bind("createdBy", token.createdBy()).bind("created", token.created().toEpochMilli())
                    .bind("expires", token.expires() == null ? null : token.expires().toEpochMilli())
                    .execute();
            if (inserted == 0) {
                throw duplicate(handle, token.name());
            }
            return token;
        });
    }

    @Override
    public Optional<ApiToken> findByDigest(String digest) {
        ApiToken.checkDigest(digest);
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE digest = :d")
                .bind("d", digest).map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public Optional<ApiToken> find(String name) {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE name = :n")
                .bind("n", name).map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public List<ApiToken> list() {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM api_token ORDER BY name"
                        + collate)
                .map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public void recordUse(String name, Instant at) {
        database.write(handle -> handle.createUpdate("UPDATE api_token SET last_used_at = :at WHERE name = :name "
                        + "AND (last_used_at IS NULL OR last_used_at < :at)")
                .bind("name", name).bind("at", at.toEpochMilli()).execute());
    }

    @Override
    public Optional<ApiToken> revoke(String name, Instant at) {
        return database.write(handle -> {
            int changed = handle.createUpdate("UPDATE api_token SET revoked_at = :at WHERE name = :name "
                            + "AND revoked_at IS NULL")
                    .bind("name", name).bind("at", at.toEpochMilli()).execute();
            return changed == 0 ? Optional.<ApiToken>empty()
                    : handle.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE name = :n").bind("n", name)
                    .map((rs, ctx) -> row(rs)).findOne();
        });
    }

    @Override
    public boolean delete(String name) {
        return database.write(handle -> handle.createUpdate("DELETE FROM api_token WHERE name = :name")
                .bind("name", name).execute() > 0);
    }

    private static DuplicateKeyException duplicate(Handle handle, String name) {
        boolean nameTaken = handle.createQuery("SELECT COUNT(*) FROM api_token WHERE name = :name").bind("name", name)
                .mapTo(Long.class).one() > 0;
        // Never echo the digest: it identifies a live token.
        return nameTaken ? new DuplicateKeyException("api token", "name", name, "already exists")
                : new DuplicateKeyException("api token", "digest", "of token " + name,
                "is already stored under another name");
    }

    private static ApiToken row(ResultSet rs) throws SQLException {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String text : rs.getString("scopes").split(" ")) {
            scopes.addAll(ApiScope.parse("scopes", text));
        }
        return new ApiToken(rs.getString("name"), rs.getString("digest"), Role.valueOf(rs.getString("role")),
                scopes, rs.getString("reseller_id"), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "last_used_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
