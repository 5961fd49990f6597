package headwater.store.billing;

import headwater.domain.billing.AccountType;
import headwater.domain.billing.BalanceGuard;
import headwater.domain.billing.InsufficientBalanceException;
import headwater.domain.billing.JournalEntry;
import headwater.domain.billing.Ledger;
import headwater.domain.billing.LedgerAccount;
import headwater.domain.billing.Posting;
import headwater.domain.billing.TrialBalance;
import headwater.domain.subscriber.Money;
import headwater.store.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The {@link Ledger} in the store. An entry, its postings and the running balances change in one transaction. The
 * entry's reference is inserted first with {@code ON CONFLICT DO NOTHING}: when two transactions post the same
 * reference at the same moment, PostgreSQL makes the second wait for the first and then books nothing (SQLite
 * serialises writers), so a cause is booked exactly once. Guards are checked on the balance rows after the update,
 * inside the transaction, which rolls back when one fails.
 */
public final class JdbiLedger implements Ledger {

    private final Database database;

    public JdbiLedger(Database database) {
        this.database = database;
    }

    @Override
    public Outcome post(JournalEntry entry, List<BalanceGuard> guards) {
        return database.write(handle -> post(handle, entry, guards));
    }

    /** Books the entry inside the caller's transaction: for writes that book money together with other rows. */
    public static Outcome post(Handle handle, JournalEntry entry, List<BalanceGuard> guards) {
        {
            Optional<Long> id = handle.createQuery("INSERT INTO ledger_entry (reference, at, description) "
                            + "VALUES (:reference, :at, :description) ON CONFLICT (reference) DO NOTHING RETURNING id")
                    .bind("reference", entry.reference()).bind("at", entry.at().toEpochMilli())
                    .bind("description", entry.description()).mapTo(Long.class).findOne();
            if (id.isEmpty()) {
                return Outcome.DUPLICATE;
            }
            int line = 0;
            for (Posting p : entry.postings()) {
                handle.createUpdate("INSERT INTO ledger_posting (entry_id, line, account, account_type, currency, "
                                + "amount) VALUES (:entry, :line, :account, :type, :currency, :amount)")
                        .bind("entry", id.get()).bind("line", line++).bind("account", p.account().code())
                        .bind("type", p.account().type().name()).bind("currency", p.amount().currency())
                        .bind("amount", p.amount().minorUnits()).execute();
            }
            // Balance rows are locked in one global order, so that two entries over the same accounts cannot deadlock.
            List<Posting> ordered = new ArrayList<>(entry.postings());
            ordered.sort(Comparator.comparing((Posting p) -> p.account().code())
                    .thenComparing(p -> p.amount().currency()));
            for (Posting p : ordered) {
                handle.createUpdate("INSERT INTO ledger_balance (account, currency, account_type, balance) "
                                + "VALUES (:account, :currency, :type, :amount) ON CONFLICT (account, currency) "
                                + "DO UPDATE SET balance = ledger_balance.balance + excluded.balance")
                        .bind("account", p.account().code()).bind("currency", p.amount().currency())
                        .bind("type", p.account().type().name()).bind("amount", p.amount().minorUnits()).execute();
            }
            for (BalanceGuard guard : guards) {
                long balance = normal(guard.account(), raw(handle, guard.account().code(), guard.currency()));
                if (balance < guard.minimum()) {
                    long delta = delta(entry, guard);
                    throw new InsufficientBalanceException(guard.account().code(), guard.currency(), balance - delta,
                            guard.minimum() - delta);
                }
            }
            return Outcome.POSTED;
        }
    }

    /** What the entry changes the guarded account's normal balance by (negative for a spend). */
    private static long delta(JournalEntry entry, BalanceGuard guard) {
        long sum = 0;
        for (Posting p : entry.postings()) {
            if (p.account().equals(guard.account()) && p.amount().currency().equals(guard.currency())) {
                sum += p.amount().minorUnits();
            }
        }
        return normal(guard.account(), sum);
    }

    @Override
    public Money balance(LedgerAccount account, String currency) {
        Money.of(0, currency);
        return database.read(handle -> Money.of(normal(account, raw(handle, account.code(), currency)), currency));
    }

    @Override
    public List<JournalEntry> entries(LedgerAccount account) {
        return database.read(handle -> {
            List<Long> ids = handle.createQuery("SELECT DISTINCT entry_id FROM ledger_posting WHERE account = :account "
                    + "ORDER BY entry_id").bind("account", account.code()).mapTo(Long.class).list();
            List<JournalEntry> entries = new ArrayList<>();
            for (long id : ids) {
                entries.add(load(handle, id));
            }
            return entries;
        });
    }

    /** The entry booked under a reference, if any. */
    public Optional<JournalEntry> entry(String reference) {
        return database.read(handle -> handle.createQuery("SELECT id FROM ledger_entry WHERE reference = :reference")
                .bind("reference", reference).mapTo(Long.class).findOne().map(id -> load(handle, id)));
    }

    @Override
    public TrialBalance trialBalance() {
        return database.read(handle -> {
            List<String> problems = new ArrayList<>();
            Map<String, Long> totals = new TreeMap<>();
            handle.createQuery("SELECT currency, SUM(amount) FROM ledger_posting GROUP BY currency ORDER BY currency")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> totals.put(e.getKey(), e.getValue()));
            totals.forEach((currency, sum) -> {
                if (sum != 0) {
                    problems.add(currency + " postings sum to " + sum + " minor units, not 0");
                }
            });
            handle.createQuery("SELECT e.reference, p.currency, SUM(p.amount) FROM ledger_entry e JOIN ledger_posting p "
                            + "ON p.entry_id = e.id GROUP BY e.reference, p.currency HAVING SUM(p.amount) <> 0 "
                            + "ORDER BY e.reference")
                    .map((rs, ctx) -> "entry " + rs.getString(1) + " does not balance in " + rs.getString(2) + ": "
                            + rs.getLong(3))
                    .forEach(problems::add);
            Map<String, Long> computed = new LinkedHashMap<>();
            handle.createQuery("SELECT account, currency, SUM(amount) FROM ledger_posting GROUP BY account, currency")
                    .map((rs, ctx) -> Map.entry(rs.getString(1) + " " + rs.getString(2), rs.getLong(3)))
                    .forEach(e -> computed.put(e.getKey(), e.getValue()));
            handle.createQuery("SELECT account, currency, balance FROM ledger_balance ORDER BY account, currency")
                    .map((rs, ctx) -> Map.entry(rs.getString(1) + " " + rs.getString(2), rs.getLong(3)))
                    .forEach(kept -> {
                        long sum = computed.getOrDefault(kept.getKey(), 0L);
                        if (sum != kept.getValue()) {
                            problems.add("balance of " + kept.getKey() + " is kept as " + kept.getValue()
                                    + " but its postings sum to " + sum);
                        }
                        computed.remove(kept.getKey());
                    });
            computed.forEach((key, sum) -> problems.add("postings of " + key + " sum to " + sum
                    + " but no balance is kept"));
            long entries = handle.createQuery("SELECT COUNT(*) FROM ledger_entry").mapTo(Long.class).one();
            long postings = handle.createQuery("SELECT COUNT(*) FROM ledger_posting").mapTo(Long.class).one();
            return new TrialBalance(entries, postings, totals, problems);
        });
    }

    private static JournalEntry load(Handle handle, long id) {
        var head = handle.createQuery("SELECT reference, at, description FROM ledger_entry WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> new String[] {rs.getString(1), Long.toString(rs.getLong(2)),
                        rs.getString(3)}).one();
        List<Posting> postings = handle.createQuery("SELECT account, account_type, currency, amount FROM ledger_posting "
                        + "WHERE entry_id = :id ORDER BY line").bind("id", id)
                .map((rs, ctx) -> new Posting(new LedgerAccount(rs.getString(1), AccountType.valueOf(rs.getString(2))),
                        Money.of(rs.getLong(4), rs.getString(3)))).list();
        return new JournalEntry(head[0], Instant.ofEpochMilli(Long.parseLong(head[1])), head[2], postings);
    }

    private static long raw(Handle handle, String account, String currency) {
        return handle.createQuery("SELECT balance FROM ledger_balance WHERE account = :account AND currency = :currency")
                .bind("account", account).bind("currency", currency).mapTo(Long.class).findOne().orElse(0L);
    }

    private static long normal(LedgerAccount account, long raw) {
        return account.type().debitNormal() ? raw : -raw;
    }
}
