package headwater.store.xtream;

import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.xtream.PlaylistToken;
import headwater.domain.xtream.PlaylistTokenRepository;
import headwater.store.Database;
import headwater.store.catalog.Constraint;
import headwater.store.catalog.References;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link PlaylistTokenRepository} on a {@link Database}. The insert checks the references and the keys inside its
 * write transaction, so every refusal is named precisely; the digest is never part of a message.
 */
public final class JdbiPlaylistTokenRepository implements PlaylistTokenRepository {

    private static final String SELECTED = "id, subscriber_id, digest, device_id, label, created_at, last_used_at, "
            + "revoked_at";

    private final Database database;

    public JdbiPlaylistTokenRepository(Database database) {
        this.database = database;
    }

    @Override
    public PlaylistToken create(PlaylistToken token) {
        try {
            return database.write(handle -> {
                check(handle, token);
                handle.createUpdate("INSERT INTO playlist_token (" + SELECTED + ") VALUES (:id, :subscriber, :digest, "
                                + ":device, :label, :created, :lastUsed, :revoked)")
                        .bind("id", token.id()).bind("subscriber", token.subscriberId()).bind("digest", token.digest())
                        .bind("device", token.deviceId()).bind("label", token.label())
                        .bind("created", token.created().toEpochMilli())
                        .bind("lastUsed", millis(token.lastUsed())).bind("revoked", millis(token.revoked()))
                        .execute();
                return token;
            });
        } catch (JdbiException e) {
            throw diagnose(e, token);
        }
    }

    @Override
    public Optional<PlaylistToken> find(String id) {
        return database.read(handle -> load(handle, "id", id));
    }

    @Override
    public Optional<PlaylistToken> findByDigest(String digest) {
        return database.read(handle -> load(handle, "digest", digest));
    }

    @Override
    public List<PlaylistToken> ofSubscriber(String subscriberId) {
        return database.read(handle -> handle.createQuery("SELECT " + SELECTED + " FROM playlist_token "
                        + "WHERE subscriber_id = :subscriber ORDER BY created_at, id")
                .bind("subscriber", subscriberId).map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public Optional<PlaylistToken> revoke(String subscriberId, String id, Instant at) {
        return database.write(handle -> {
            handle.createUpdate("UPDATE playlist_token SET revoked_at = :at WHERE id = :id "
                            + "AND subscriber_id = :subscriber AND revoked_at IS NULL")
                    .bind("at", at.toEpochMilli()).bind("id", id).bind("subscriber", subscriberId).execute();
            return load(handle, "id", id).filter(token -> token.subscriberId().equals(subscriberId));
        });
    }

    @Override
    public void recordUse(String id, Instant at) {
        database.write(handle -> handle.createUpdate("UPDATE playlist_token SET last_used_at = :at WHERE id = :id "
                        + "AND (last_used_at IS NULL OR last_used_at < :at)")
                .bind("id", id).bind("at", at.toEpochMilli()).execute());
    }

    /** The id and digest are free, and the subscriber and device exist. */
    private static void check(Handle handle, PlaylistToken token) {
        if (load(handle, "id", token.id()).isPresent()) {
            throw new DuplicateKeyException("playlist token", "id", token.id(), "already exists");
        }
        if (load(handle, "digest", token.digest()).isPresent()) {
            throw new DuplicateKeyException("playlist token", "digest", "of token " + token.id(),
                    "is already stored for another token");
        }
        if (!References.missing(handle, "subscriber", List.of(token.subscriberId())).isEmpty()) {
            throw new UnknownReferenceException("playlist token", token.id(), "subscriber",
                    List.of(token.subscriberId()));
        }
        if (token.deviceId() != null
                && !References.missing(handle, "device", List.of(token.deviceId())).isEmpty()) {
            throw new UnknownReferenceException("playlist token", token.id(), "device", List.of(token.deviceId()));
        }
    }

    /** {@code column} is "id" or "digest", never input. */
    private static Optional<PlaylistToken> load(Handle handle, String column, String value) {
        return handle.createQuery("SELECT " + SELECTED + " FROM playlist_token WHERE " + column + " = :value")
                .bind("value", value).map((rs, ctx) -> row(rs)).findOne();
    }

    /** A constraint failed although the checks passed: a concurrent writer got in between. Name it. */
    private RuntimeException diagnose(JdbiException error, PlaylistToken token) {
        if (Constraint.violatedBy(error) == Constraint.NONE) {
            return error;
        }
        RuntimeException precise = database.read(handle -> {
            try {
                check(handle, token);
                return null;
            } catch (DuplicateKeyException | UnknownReferenceException found) {
                return found;
            }
        });
        if (precise == null) {
            precise = new DuplicateKeyException("playlist token", "id or digest", token.id(),
                    "collided with a concurrent write; retry");
        }
        precise.addSuppressed(error);
        return precise;
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static PlaylistToken row(ResultSet rs) throws SQLException {
        return new PlaylistToken(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)), instant(rs, 7), instant(rs, 8));
    }
}
