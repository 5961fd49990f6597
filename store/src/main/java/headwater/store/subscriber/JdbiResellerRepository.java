package headwater.store.subscriber;

import headwater.domain.billing.JournalEntry;
import headwater.domain.billing.Ledger;
import headwater.domain.billing.LedgerAccount;
import headwater.domain.billing.Posting;
import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Page;
import headwater.domain.subscriber.CreditMovement;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.Reseller;
import headwater.domain.subscriber.ResellerDraft;
import headwater.domain.subscriber.ResellerRepository;
import headwater.store.Database;
import headwater.store.Dialect;
import headwater.store.billing.JdbiLedger;
import headwater.store.catalog.Constraint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link ResellerRepository} on a {@link Database}.
 *
 * <p>A balance changes in one conditional statement, {@code UPDATE reseller SET credits = credits - :amount ...
 * WHERE id = :id AND credits >= :amount}, and its movement is recorded in the same transaction. On PostgreSQL the
 * row lock makes concurrent spends queue, and each re-checks the condition against the committed balance; on SQLite
 * writers are serialised anyway. So no spend can take the balance below zero, and the table's CHECK backs that up.
 */
public final class JdbiResellerRepository implements ResellerRepository {

    private static final String COLUMNS = "id, name, credits, version, created_at, updated_at";
    private static final int MAX_PAGE = 1000;

    private final Database database;
    private final Clock clock;
    private final String collate;

    public JdbiResellerRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.collate = database.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
    }

    @Override
    public Reseller create(ResellerDraft draft) {
        Instant now = now();
        try {
            return database.write(handle -> {
                if (load(handle, draft.id()).isPresent()) {
                    throw new DuplicateKeyException("reseller", "id", draft.id(), "already exists");
                }
                handle.createUpdate("INSERT INTO reseller (" + COLUMNS + ") VALUES (:id, :name, 0, 1, :now, :now)")
                        .bind("id", draft.id()).bind("name", draft.name()).bind("now", now.toEpochMilli()).execute();
                return new Reseller(draft, 0, 1, now, now);
            });
        } catch (JdbiException e) {
            if (Constraint.violatedBy(e) == Constraint.UNIQUE) {
                DuplicateKeyException duplicate = new DuplicateKeyException("reseller", "id", draft.id(), "already exists");
                duplicate.addSuppressed(e);
                throw duplicate;
            }
            throw e;
        }
    }

    @Override
    public Reseller update(long expectedVersion, ResellerDraft draft) {
        Instant now = now();
        return database.write(handle -> {
            int updated = handle.createUpdate("UPDATE reseller SET name = :name, version = version + 1, "
                            + "updated_at = :now WHERE id = :id AND version = :expected")
                    .bind("id", draft.id()).bind("name", draft.name()).bind("now", now.toEpochMilli())
                    .bind("expected", expectedVersion).execute();
            Reseller stored = load(handle, draft.id()).orElseThrow(() -> new NotFoundException("reseller", draft.id()));
            if (updated == 0) {
                throw new ConcurrentUpdateException("reseller", draft.id(), expectedVersion, stored.version());
            }
            return stored;
        });
    }

    @Override
    public Optional<Reseller> find(String id) {
        return database.read(handle -> load(handle, id));
    }

    @Override
    public boolean delete(String id) {
        return ProtectedDelete.run(database, "reseller", "owner_reseller_id", id);
    }

    @Override
    public List<Reseller> list() {
        return database.read(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM reseller ORDER BY id" + collate)
                .map((rs, ctx) -> reseller(rs)).list());
    }

    @Override
    public CreditMovement addCredits(String resellerId, long amount, String reason) {
        checkMovement(resellerId, amount, reason);
        Instant now = now();
        return database.write(handle -> addIn(handle, resellerId, amount, reason, now));
    }

    @Override
    public CreditMovement spendCredits(String resellerId, long amount, String reason) {
        Instant now = now();
        return database.write(handle -> spendIn(handle, resellerId, amount, reason, now));
    }

    @Override
    public Page<CreditMovement> movements(String resellerId, int offset, int limit) {
        if (offset < 0) {
            throw new InvalidValueException("credit movements", "offset", "is " + offset + ": must not be negative");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidValueException("credit movements", "limit", "is " + limit + ": must be between 1 and "
                    + MAX_PAGE);
        }
        return database.read(handle -> {
            if (load(handle, resellerId).isEmpty()) {
                throw new NotFoundException("reseller", resellerId);
            }
            long total = handle.createQuery("SELECT COUNT(*) FROM credit_movement WHERE reseller_id = :id")
                    .bind("id", resellerId).mapTo(Long.class).one();
            List<CreditMovement> items = handle.createQuery("SELECT reseller_id, version, delta, reason, at, "
                            + "balance_after FROM credit_movement WHERE reseller_id = :id ORDER BY version DESC "
                            + "LIMIT :limit OFFSET :offset")
                    .bind("id", resellerId).bind("limit", limit).bind("offset", offset)
                    .map((rs, ctx) -> new CreditMovement(rs.getString(1), rs.getLong(2), rs.getLong(3),
                            rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)), rs.getLong(6)))
                    .list();
            return new Page<>(items, total, offset, limit);
        });
    }

    /**
     * Credits bought through a gateway: the money is booked (gateway clearing against credits not yet earned) under
     * {@code reference} and the credits added, in one transaction; a reference seen before (the same payment reported
     * again) adds nothing.
     *
     * @return whether the credits were added now
     */
    public boolean addBoughtCredits(String resellerId, long credits, Money paid, LedgerAccount clearing,
                                    String reference) {
        checkMovement(resellerId, credits, "bought");
        Instant now = now();
        return database.write(handle -> {
            var outcome = JdbiLedger.post(handle, JournalEntry.of(reference, now, credits + " credits bought by "
                    + resellerId, Posting.debit(clearing, paid), Posting.credit(LedgerAccount.UNEARNED_CREDITS, paid)),
                    List.of());
            if (outcome == Ledger.Outcome.DUPLICATE) {
                return false;
            }
            addIn(handle, resellerId, credits, credits + " credits bought (" + paid + ")", now);
            return true;
        });
    }

    /** Adds credits inside the caller's transaction, never beyond {@link Reseller#MAX_CREDITS}. */
    private static CreditMovement addIn(Handle handle, String resellerId, long amount, String reason, Instant now) {
        return moveIn(handle, resellerId, amount, reason, "credits <= :limit", Reseller.MAX_CREDITS
                - Math.min(amount, Reseller.MAX_CREDITS), balance -> new InvalidValueException("reseller", "credits",
                "of " + resellerId + " are " + balance + ": adding " + amount + " would exceed the maximum of "
                        + Reseller.MAX_CREDITS), now);
    }

    /**
     * Spends a reseller's credits inside the caller's transaction, with the movement and its ledger entry: for a sale
     * that spends credits and extends a subscription at once.
     *
     * @throws InvalidValueException the balance is short; the caller's transaction rolls back
     * @throws NotFoundException     no such reseller
     */
    public static CreditMovement spendIn(Handle handle, String resellerId, long amount, String reason, Instant now) {
        checkMovement(resellerId, amount, reason);
        return moveIn(handle, resellerId, -amount, reason, "credits >= :limit", amount, balance ->
                new InvalidValueException("reseller", "credits", "of " + resellerId + " are " + balance + ": spending "
                        + amount + " would take them below zero"), now);
    }

    /**
     * Changes the balance by {@code delta} if {@code condition} (on the row's current credits, with {@code :limit})
     * holds, and records the movement and its ledger entry, inside the caller's transaction.
     */
    private static CreditMovement moveIn(Handle handle, String resellerId, long delta, String reason, String condition,
                                         long limit, LongFunction<InvalidValueException> refusal, Instant now) {
        int changed = handle.createUpdate("UPDATE reseller SET credits = credits + :delta, version = version + 1, "
                        + "updated_at = :now WHERE id = :id AND " + condition)
                .bind("delta", delta).bind("now", now.toEpochMilli()).bind("id", resellerId).bind("limit", limit)
                .execute();
        Reseller after = load(handle, resellerId).orElseThrow(() -> new NotFoundException("reseller", resellerId));
        if (changed == 0) {
            throw refusal.apply(after.credits());
        }
        CreditMovement movement = new CreditMovement(resellerId, after.version(), delta, reason, now, after.credits());
        handle.createUpdate("INSERT INTO credit_movement (reseller_id, version, delta, reason, at, balance_after) "
                        + "VALUES (:reseller, :version, :delta, :reason, :at, :balance)")
                .bind("reseller", resellerId).bind("version", movement.version()).bind("delta", delta)
                .bind("reason", reason).bind("at", now.toEpochMilli()).bind("balance", movement.balanceAfter())
                .execute();
        JdbiLedger.post(handle, creditEntry(movement, after.created()), List.of());
        return movement;
    }

    /**
     * The movement in the ledger, in credits ({@link LedgerAccount#CREDITS}): credits given are a liability towards
     * the reseller until spent; spending moves them to {@link LedgerAccount#CREDITS_SPENT}.
     */
    private static JournalEntry creditEntry(CreditMovement m, Instant resellerCreated) {
        LedgerAccount wallet = LedgerAccount.credits(m.resellerId());
        Money amount = Money.of(Math.abs(m.delta()), LedgerAccount.CREDITS);
        // A reseller deleted and made again under the same id starts its versions anew: its creation tells them apart.
        String reference = "credits:" + m.resellerId() + ":" + resellerCreated.toEpochMilli() + ":" + m.version();
        return m.delta() > 0
                ? JournalEntry.of(reference, m.at(), m.reason(), Posting.debit(LedgerAccount.CREDITS_ISSUED, amount),
                        Posting.credit(wallet, amount))
                : JournalEntry.of(reference, m.at(), m.reason(), Posting.debit(wallet, amount),
                        Posting.credit(LedgerAccount.CREDITS_SPENT, amount));
    }

    private static void checkMovement(String resellerId, long amount, String reason) {
        if (amount <= 0) {
            throw new InvalidValueException("credit movement", "amount", "is " + amount + " for reseller " + resellerId
                    + ": must be positive");
        }
        if (amount > Reseller.MAX_CREDITS) {
            throw new InvalidValueException("credit movement", "amount", "is " + amount + " for reseller " + resellerId
                    + ": at most " + Reseller.MAX_CREDITS + " allowed");
        }
        CreditMovement.checkReason(reason);
    }

    private static Optional<Reseller> load(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM reseller WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> reseller(rs)).findOne();
    }

    private static Reseller reseller(ResultSet rs) throws SQLException {
        return new Reseller(new ResellerDraft(rs.getString(1), rs.getString(2)), rs.getLong(3), rs.getLong(4),
                Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)));
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
