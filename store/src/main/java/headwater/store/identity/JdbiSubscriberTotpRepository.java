package headwater.store.identity;

import headwater.domain.identity.SubscriberTotp;
import headwater.domain.identity.SubscriberTotpRepository;
import headwater.domain.identity.TotpSeed;
import headwater.domain.protect.FieldCipher;
import headwater.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SubscriberTotpRepository} on a {@link Database}. Seeds are sealed with the {@link FieldCipher} under
 * {@link SubscriberTotp#SEED_FIELD} before they are written: the table holds only sealed text. A step is used by one
 * conditional statement, so that two requests racing with the same code cannot both succeed.
 */
public final class JdbiSubscriberTotpRepository implements SubscriberTotpRepository {

    private final Database database;
    private final FieldCipher cipher;

    public JdbiSubscriberTotpRepository(Database database, FieldCipher cipher) {
        this.database = Objects.requireNonNull(database, "database");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public Optional<SubscriberTotp> find(String subscriberId) {
        return database.read(handle -> handle.createQuery("SELECT subscriber_id, seed, started_at, confirmed_at, "
                        + "last_step FROM subscriber_totp WHERE subscriber_id = :id")
                .bind("id", subscriberId).map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public boolean start(String subscriberId, TotpSeed seed, Instant at) {
        String sealed = cipher.seal(SubscriberTotp.SEED_FIELD, seed.bytes());
        return database.write(handle -> handle.createUpdate("INSERT INTO subscriber_totp (subscriber_id, seed, "
                        + "started_at) VALUES (:id, :seed, :at) ON CONFLICT (subscriber_id) DO UPDATE SET "
                        + "seed = excluded.seed, started_at = excluded.started_at, last_step = NULL "
                        + "WHERE subscriber_totp.confirmed_at IS NULL")
                .bind("id", subscriberId).bind("seed", sealed).bind("at", at.toEpochMilli()).execute() == 1);
    }

    @Override
    public boolean confirm(String subscriberId, Instant at) {
        return database.write(handle -> handle.createUpdate("UPDATE subscriber_totp SET confirmed_at = :at "
                        + "WHERE subscriber_id = :id AND confirmed_at IS NULL")
                .bind("id", subscriberId).bind("at", at.toEpochMilli()).execute() == 1);
    }

    @Override
    public boolean useStep(String subscriberId, long step) {
        return database.write(handle -> handle.createUpdate("UPDATE subscriber_totp SET last_step = :step "
                        + "WHERE subscriber_id = :id AND (last_step IS NULL OR last_step < :step)")
                .bind("id", subscriberId).bind("step", step).execute() == 1);
    }

    @Override
    public boolean remove(String subscriberId) {
        return database.write(handle -> handle.createUpdate("DELETE FROM subscriber_totp WHERE subscriber_id = :id")
                .bind("id", subscriberId).execute() == 1);
    }

    private SubscriberTotp row(ResultSet rs) throws SQLException {
        long step = rs.getLong(5);
        long lastStep = rs.wasNull() ? Long.MIN_VALUE : step;
        TotpSeed seed = new TotpSeed(cipher.open(SubscriberTotp.SEED_FIELD, rs.getString(2)));
        return new SubscriberTotp(rs.getString(1), seed, Instant.ofEpochMilli(rs.getLong(3)),
                JdbiAccountRepository.instant(rs, 4), lastStep);
    }
}
