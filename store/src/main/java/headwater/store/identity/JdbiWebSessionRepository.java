package headwater.store.identity;

import headwater.domain.identity.SessionOwner;
import headwater.domain.identity.WebSession;
import headwater.domain.identity.WebSessionRepository;
import headwater.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link WebSessionRepository} on a {@link Database}. The owner is an account or a subscriber, each in its own
 * column with a foreign key, so that deleting either ends its sessions.
 */
public final class JdbiWebSessionRepository implements WebSessionRepository {

    private static final String COLUMNS = "id, account_id, subscriber_id, csrf_token, created_at, last_seen_at, "
            + "expires_at, second_factor_at, address, user_agent";

    private final Database database;

    public JdbiWebSessionRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void create(WebSession session) {
        boolean account = session.owner().kind() == SessionOwner.Kind.ACCOUNT;
        database.write(handle -> handle.createUpdate("INSERT INTO web_session (" + COLUMNS + ") VALUES (:id, "
                        + ":account, :subscriber, :csrf, :created, :seen, :expires, :factor, :address, :agent)")
                .bind("id", session.id())
                .bind("account", account ? session.owner().id() : null)
                .bind("subscriber", account ? null : session.owner().id())
                .bind("csrf", session.csrfToken())
                .bind("created", session.created().toEpochMilli())
                .bind("seen", session.lastSeen().toEpochMilli())
                .bind("expires", session.expires().toEpochMilli())
                .bind("factor", session.secondFactorAt() == null ? null : session.secondFactorAt().toEpochMilli())
                .bind("address", session.address())
                .bind("agent", session.userAgent())
                .execute());
    }

    @Override
    public Optional<WebSession> find(String id, Instant now) {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM web_session WHERE id = :id "
                        + "AND expires_at > :now").bind("id", id).bind("now", now.toEpochMilli())
                .map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public void touch(String id, Instant lastSeen, Instant expires) {
        database.write(handle -> handle.createUpdate("UPDATE web_session SET last_seen_at = :seen, expires_at = "
                        + ":expires WHERE id = :id AND last_seen_at < :seen AND expires_at < :expires")
                .bind("id", id).bind("seen", lastSeen.toEpochMilli()).bind("expires", expires.toEpochMilli())
                .execute());
    }

    @Override
    public boolean proveSecondFactor(String id, Instant at) {
        return database.write(handle -> handle.createUpdate("UPDATE web_session SET second_factor_at = :at "
                + "WHERE id = :id").bind("id", id).bind("at", at.toEpochMilli()).execute() > 0);
    }

    @Override
    public boolean delete(String id) {
        return database.write(handle -> handle.createUpdate("DELETE FROM web_session WHERE id = :id").bind("id", id)
                .execute() > 0);
    }

    @Override
    public int deleteAllOf(SessionOwner owner, String except) {
        return database.write(handle -> handle.createUpdate("DELETE FROM web_session WHERE " + column(owner)
                        + " = :owner AND (CAST(:except AS TEXT) IS NULL OR id <> :except)")
                .bind("owner", owner.id()).bind("except", except).execute());
    }

    @Override
    public List<WebSession> listOf(SessionOwner owner, Instant now) {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM web_session WHERE "
                        + column(owner) + " = :owner AND expires_at > :now ORDER BY created_at DESC, id")
                .bind("owner", owner.id()).bind("now", now.toEpochMilli()).map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public int purgeExpired(Instant now) {
        return database.write(handle -> handle.createUpdate("DELETE FROM web_session WHERE expires_at <= :now")
                .bind("now", now.toEpochMilli()).execute());
    }

    private static String column(SessionOwner owner) {
        return owner.kind() == SessionOwner.Kind.ACCOUNT ? "account_id" : "subscriber_id";
    }

    private static WebSession row(ResultSet rs) throws SQLException {
        String account = rs.getString(2);
        SessionOwner owner = account != null ? SessionOwner.account(account)
                : SessionOwner.subscriber(rs.getString(3));
        return new WebSession(rs.getString(1), owner, rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)),
                Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)),
                JdbiAccountRepository.instant(rs, 8), rs.getString(9), rs.getString(10));
    }
}
