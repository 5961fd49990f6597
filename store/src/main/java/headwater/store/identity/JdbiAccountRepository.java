package headwater.store.identity;

import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.identity.Account;
import headwater.domain.identity.AccountRepository;
import headwater.domain.identity.AccountStatus;
import headwater.domain.identity.LastAdminException;
import headwater.domain.identity.Role;
import headwater.domain.identity.TotpEnrolment;
import headwater.domain.identity.TotpSeed;
import headwater.domain.protect.FieldCipher;
import headwater.domain.subscriber.PasswordHash;
import headwater.store.Database;
import headwater.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * {@link AccountRepository} on a {@link Database}. TOTP seeds are sealed with the {@link FieldCipher} under
 * {@link TotpSeed#FIELD} before they are written and opened after they are read: the table holds only sealed text.
 * Usernames are unique by their lower-case key. The one-time steps and recovery codes are used by a single
 * conditional statement each, so that two requests racing with the same code cannot both succeed.
 */
public final class JdbiAccountRepository implements AccountRepository {

    private static final String COLUMNS = "id, username, role, reseller_id, password_hash, status, totp_seed, "
            + "totp_started_at, totp_confirmed_at, last_totp_step, password_changed_at, created_at";
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private final Database database;
    private final FieldCipher cipher;
    private final String collate;

    public JdbiAccountRepository(Database database, FieldCipher cipher) {
        this.database = Objects.requireNonNull(database, "database");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.collate = database.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
    }

    @Override
    public Account create(Account account) {
        return database.write(handle -> {
            if (insert(handle, account, "") == 0) {
                throw duplicate(handle, account);
            }
            return account;
        });
    }

    @Override
    public boolean createFirstAdmin(Account admin) {
        if (admin.role() != Role.ADMIN) {
            throw new IllegalArgumentException("the first account must be an ADMIN, not " + admin.role());
        }
        return database.write(handle -> {
            if (database.dialect() == Dialect.POSTGRESQL) {
                // NOT EXISTS alone does not serialise racing inserts under READ COMMITTED; this lock does (and
                // still lets readers in). SQLite's writes are serialised already.
                handle.execute("LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE");
            }
            return insert(handle, admin, " WHERE NOT EXISTS (SELECT 1 FROM account WHERE role = 'ADMIN')") == 1;
        });
    }

    private int insert(Handle handle, Account account, String condition) {
        if (account.resellerId() != null && handle.createQuery("SELECT COUNT(*) FROM reseller WHERE id = :id")
                .bind("id", account.resellerId()).mapTo(Long.class).one() == 0) {
            throw new UnknownReferenceException("account", account.id(), "reseller", List.of(account.resellerId()));
        }
        // SQLite needs a WHERE to parse ON CONFLICT after INSERT ... SELECT; PostgreSQL accepts the same text.
        Update insert = handle.createUpdate("INSERT INTO account (" + COLUMNS + ", username_key) SELECT :id, "
                + ":username, :role, :reseller, :hash, :status, :seed, :started, :confirmed, :step, :changed, "
                + ":created, :key" + (condition.isEmpty() ? " WHERE TRUE" : condition) + " ON CONFLICT DO NOTHING");
        TotpEnrolment totp = account.totp();
        return insert.bind("id", account.id()).bind("username", account.username())
                .bind("key", Account.usernameKey(account.username())).bind("role", account.role().name())
                .bind("reseller", account.resellerId()).bind("hash", account.passwordHash().phc())
                .bind("status", account.status().name())
                .bind("seed", totp == null ? null : seal(totp.seed()))
                .bind("started", totp == null ? null : totp.started().toEpochMilli())
                .bind("confirmed", millis(totp == null ? null : totp.confirmedAt()))
                .bind("step", account.lastTotpStep() == Long.MIN_VALUE ? null : account.lastTotpStep())
                .bind("changed", account.passwordChangedAt().toEpochMilli())
                .bind("created", account.created().toEpochMilli())
                .execute();
    }

    @Override
    public Optional<Account> find(String id) {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM account WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public Optional<Account> findByUsername(String username) {
        if (username == null || username.length() > Account.MAX_USERNAME_LENGTH) {
            return Optional.empty();
        }
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM account WHERE username_key = "
                        + ":key").bind("key", Account.usernameKey(username)).map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public List<Account> list() {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM account ORDER BY username_key"
                + collate).map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public boolean adminExists() {
        return database.read(handle -> handle.createQuery("SELECT COUNT(*) FROM account WHERE role = 'ADMIN'")
                .mapTo(Long.class).one() > 0);
    }

    @Override
    public boolean changePassword(String id, PasswordHash hash, Instant at) {
        return database.write(handle -> handle.createUpdate("UPDATE account SET password_hash = :hash, "
                        + "password_changed_at = :at WHERE id = :id")
                .bind("id", id).bind("hash", hash.phc()).bind("at", at.toEpochMilli()).execute() > 0);
    }

    @Override
    public boolean changeRole(String id, Role role, String resellerId) {
        return database.write(handle -> {
            if (role != Role.ADMIN) {
                keepAnAdmin(handle, id, "demoted to " + role);
            }
            return handle.createUpdate("UPDATE account SET role = :role, reseller_id = :reseller WHERE id = :id")
                    .bind("id", id).bind("role", role.name()).bind("reseller", resellerId).execute() > 0;
        });
    }

    @Override
    public boolean changeStatus(String id, AccountStatus status) {
        return database.write(handle -> {
            if (status != AccountStatus.ACTIVE) {
                keepAnAdmin(handle, id, "disabled"); // the only status besides ACTIVE
            }
            return handle.createUpdate("UPDATE account SET status = :status WHERE id = :id")
                    .bind("id", id).bind("status", status.name()).execute() > 0;
        });
    }

    /**
     * Refuses, inside the caller's write transaction, a change that stops account {@code id} being an active ADMIN
     * when no other one is left. On PostgreSQL the active admins' rows are locked first: two transactions demoting
     * two admins at once then run one after the other, and the second sees the first's change (under READ COMMITTED
     * a count alone would let both through). SQLite's writes are serialised already.
     */
    private void keepAnAdmin(Handle handle, String id, String change) {
        String activeAdmins = "SELECT id FROM account WHERE role = 'ADMIN' AND status = 'ACTIVE'";
        List<String> admins = handle.createQuery(database.dialect() == Dialect.POSTGRESQL
                ? activeAdmins + " FOR UPDATE" : activeAdmins).mapTo(String.class).list();
        if (admins.size() == 1 && admins.getFirst().equals(id)) {
            Account account = handle.createQuery("SELECT " + COLUMNS + " FROM account WHERE id = :id").bind("id", id)
                    .map((rs, ctx) -> row(rs)).one();
            throw new LastAdminException(account, change);
        }
    }

    @Override
    public boolean changeTotp(String id, TotpEnrolment enrolment) {
        return database.write(handle -> {
            int changed = handle.createUpdate("UPDATE account SET totp_seed = :seed, totp_started_at = :started, "
                            + "totp_confirmed_at = :confirmed WHERE id = :id")
                    .bind("id", id).bind("seed", enrolment == null ? null : seal(enrolment.seed()))
                    .bind("started", enrolment == null ? null : enrolment.started().toEpochMilli())
                    .bind("confirmed", millis(enrolment == null ? null : enrolment.confirmedAt()))
                    .execute();
            if (enrolment == null) {
                handle.createUpdate("DELETE FROM account_recovery_code WHERE account_id = :id").bind("id", id)
                        .execute();
            }
            return changed > 0;
        });
    }

    @Override
    public boolean useTotpStep(String id, long step) {
        return database.write(handle -> handle.createUpdate("UPDATE account SET last_totp_step = :step WHERE id = :id "
                        + "AND (last_totp_step IS NULL OR last_totp_step < :step)")
                .bind("id", id).bind("step", step).execute() == 1);
    }

    @Override
    public void replaceRecoveryCodes(String id, List<String> digests) {
        for (String digest : digests) {
            checkDigest(digest);
        }
        database.write(handle -> {
            handle.createUpdate("DELETE FROM account_recovery_code WHERE account_id = :id").bind("id", id).execute();
            for (String digest : digests) {
                handle.createUpdate("INSERT INTO account_recovery_code (account_id, digest) VALUES (:id, :digest) "
                        + "ON CONFLICT DO NOTHING").bind("id", id).bind("digest", digest).execute();
            }
            return null;
        });
    }

    @Override
    public boolean useRecoveryCode(String id, String digest) {
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            return false;
        }
        return database.write(handle -> handle.createUpdate("DELETE FROM account_recovery_code WHERE account_id = :id "
                + "AND digest = :digest").bind("id", id).bind("digest", digest).execute() == 1);
    }

    @Override
    public int recoveryCodesLeft(String id) {
        return database.read(handle -> handle.createQuery("SELECT COUNT(*) FROM account_recovery_code WHERE "
                + "account_id = :id").bind("id", id).mapTo(Integer.class).one());
    }

    @Override
    public boolean delete(String id) {
        return database.write(handle -> handle.createUpdate("DELETE FROM account WHERE id = :id").bind("id", id)
                .execute() > 0);
    }

    private String seal(TotpSeed seed) {
        return cipher.seal(TotpSeed.FIELD, seed.bytes());
    }

    private static void checkDigest(String digest) {
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("a recovery code digest is 64 lower-case hex digits (SHA-256)");
        }
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static DuplicateKeyException duplicate(Handle handle, Account account) {
        boolean idTaken = handle.createQuery("SELECT COUNT(*) FROM account WHERE id = :id").bind("id", account.id())
                .mapTo(Long.class).one() > 0;
        return idTaken ? new DuplicateKeyException("account", "id", account.id(), "already exists")
                : new DuplicateKeyException("account", "username", account.username(), "is taken");
    }

    private Account row(ResultSet rs) throws SQLException {
        String sealed = rs.getString(7);
        TotpEnrolment totp = sealed == null ? null : new TotpEnrolment(
                new TotpSeed(cipher.open(TotpSeed.FIELD, sealed)), Instant.ofEpochMilli(rs.getLong(8)),
                instant(rs, 9));
        long step = rs.getLong(10);
        long lastStep = rs.wasNull() ? Long.MIN_VALUE : step;
        return new Account(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4),
                new PasswordHash(rs.getString(5)), AccountStatus.valueOf(rs.getString(6)), totp, lastStep,
                Instant.ofEpochMilli(rs.getLong(11)), Instant.ofEpochMilli(rs.getLong(12)));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
