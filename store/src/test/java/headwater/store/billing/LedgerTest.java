package headwater.store.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.billing.AccountType;
import headwater.domain.billing.BalanceGuard;
import headwater.domain.billing.InsufficientBalanceException;
import headwater.domain.billing.JournalEntry;
import headwater.domain.billing.Ledger.Outcome;
import headwater.domain.billing.LedgerAccount;
import headwater.domain.billing.Posting;
import headwater.domain.subscriber.Money;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class LedgerTest {

    private static final Instant NOW = TestStore.CLOCK.instant();
    private static final LedgerAccount STRIPE = LedgerAccount.clearing("stripe");
    private static final LedgerAccount ALICE = LedgerAccount.receivable("alice");
    /** A wallet that must never go below zero: a liability towards its owner. */
    private static final LedgerAccount WALLET = new LedgerAccount("wallet:r1", AccountType.LIABILITY);

    private static JournalEntry payment(String reference, long cents) {
        return JournalEntry.of(reference, NOW, "payment", Posting.debit(STRIPE, Money.of(cents, "EUR")),
                Posting.credit(ALICE, Money.of(cents, "EUR")));
    }

    @EachDatabase
    void balances_follow_the_postings_in_their_normal_direction(TestStore store) {
        JdbiLedger ledger = new JdbiLedger(store.database());
        ledger.post(JournalEntry.of("invoice:1", NOW, "invoice", Posting.debit(ALICE, Money.of(1200, "EUR")),
                Posting.credit(LedgerAccount.REVENUE, Money.of(1000, "EUR")),
                Posting.credit(LedgerAccount.TAX, Money.of(200, "EUR"))));
        ledger.post(payment("payment:1", 1200));

        assertThat(ledger.balance(ALICE, "EUR")).isEqualTo(Money.of(0, "EUR"));
        assertThat(ledger.balance(STRIPE, "EUR")).isEqualTo(Money.of(1200, "EUR"));
        assertThat(ledger.balance(LedgerAccount.REVENUE, "EUR")).isEqualTo(Money.of(1000, "EUR"));
        assertThat(ledger.balance(LedgerAccount.TAX, "EUR")).isEqualTo(Money.of(200, "EUR"));
        assertThat(ledger.balance(LedgerAccount.REVENUE, "USD")).isEqualTo(Money.of(0, "USD"));
        assertThat(ledger.entries(ALICE)).extracting(JournalEntry::reference).containsExactly("invoice:1", "payment:1");
        assertThat(ledger.entry("payment:1")).contains(payment("payment:1", 1200));
        assertThat(ledger.trialBalance().balanced()).isTrue();
        assertThat(ledger.trialBalance().entries()).isEqualTo(2);
        assertThat(ledger.trialBalance().postings()).isEqualTo(5);
    }

    @EachDatabase
    void the_same_reference_twice_at_the_same_moment_books_once(TestStore store) throws Exception {
        JdbiLedger ledger = new JdbiLedger(store.database());
        List<Outcome> outcomes = race(20, i -> () -> ledger.post(payment("stripe:evt_same", 500)), new ArrayList<>());

        assertThat(outcomes).containsOnlyOnce(Outcome.POSTED).filteredOn(o -> o == Outcome.DUPLICATE).hasSize(19);
        assertThat(ledger.balance(STRIPE, "EUR")).isEqualTo(Money.of(500, "EUR"));
        assertThat(ledger.trialBalance().balanced()).isTrue();
    }

    @EachDatabase
    void concurrent_guarded_spends_never_take_a_wallet_below_zero(TestStore store) throws Exception {
        JdbiLedger ledger = new JdbiLedger(store.database());
        ledger.post(JournalEntry.of("topup", NOW, "credits bought", Posting.debit(STRIPE, Money.of(30, "EUR")),
                Posting.credit(WALLET, Money.of(30, "EUR"))));
        List<Throwable> refused = new ArrayList<>();

        List<Outcome> spent = race(50, i -> () -> ledger.post(JournalEntry.of("spend:" + i, NOW, "renewal",
                Posting.debit(WALLET, Money.of(3, "EUR")), Posting.credit(LedgerAccount.REVENUE, Money.of(3, "EUR"))),
                List.of(BalanceGuard.nonNegative(WALLET, "EUR"))), refused);

        assertThat(spent).hasSize(10).containsOnly(Outcome.POSTED);
        assertThat(refused).hasSize(40).allSatisfy(e -> assertThat(e).isInstanceOf(InsufficientBalanceException.class)
                .hasMessageMatching("account wallet:r1 holds [0-2] EUR minor units: 3 needed"));
        assertThat(ledger.balance(WALLET, "EUR")).isEqualTo(Money.of(0, "EUR"));
        assertThat(ledger.entries(WALLET)).hasSize(11);
        assertThat(ledger.trialBalance().balanced()).isTrue();
    }

    @EachDatabase
    void entries_are_append_only_and_a_tampered_balance_is_found(TestStore store) {
        JdbiLedger ledger = new JdbiLedger(store.database());
        ledger.post(payment("payment:1", 700));

        assertThatThrownBy(() -> store.database().write(h -> h.execute("UPDATE ledger_posting SET amount = 1")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> store.database().write(h -> h.execute("DELETE FROM ledger_entry")))
                .hasMessageContaining("append-only");
        store.database().write(h -> h.execute("UPDATE ledger_balance SET balance = 1 WHERE account = 'clearing:stripe'"));

        assertThat(ledger.trialBalance().balanced()).isFalse();
        assertThat(ledger.trialBalance().problems())
                .containsExactly("balance of clearing:stripe EUR is kept as 1 but its postings sum to 700");
    }

    interface Task {
        Callable<Outcome> make(int i);
    }

    static List<Outcome> race(int n, Task task, List<Throwable> failures) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<Outcome> work = task.make(i);
                futures.add(threads.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            for (Future<Outcome> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
        } finally {
            threads.shutdownNow();
        }
        return outcomes;
    }
}
