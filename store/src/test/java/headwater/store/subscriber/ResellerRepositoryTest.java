package headwater.store.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.billing.LedgerAccount;
import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Page;
import headwater.domain.catalog.ReferenceInUseException;
import headwater.domain.subscriber.CreditMovement;
import headwater.domain.subscriber.Owner;
import headwater.domain.subscriber.Reseller;
import headwater.domain.subscriber.ResellerDraft;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.billing.JdbiLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class ResellerRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();

    @EachDatabase
    void creates_renames_and_lists_resellers_with_versions(TestStore store) {
        Customers customers = Customers.of(store);
        Reseller created = customers.resellers().create(new ResellerDraft("r1", "North"));
        customers.resellers().create(new ResellerDraft("r0", "South"));

        assertThat(created).isEqualTo(new Reseller(new ResellerDraft("r1", "North"), 0, 1, NOW, NOW));
        assertThat(customers.resellers().get("r1")).isEqualTo(created);
        Reseller renamed = customers.resellers().update(1, created.draft().withName("North & Co"));
        assertThat(renamed.name()).isEqualTo("North & Co");
        assertThat(renamed.version()).isEqualTo(2);
        assertThatThrownBy(() -> customers.resellers().update(1, created.draft().withName("Late")))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("reseller r1 was changed concurrently: the update expected version 1, the "
                        + "stored version is 2");
        assertThatThrownBy(() -> customers.resellers().update(1, new ResellerDraft("r9", "Ghost")))
                .isInstanceOf(NotFoundException.class).hasMessage("reseller r9 does not exist");
        assertThatThrownBy(() -> customers.resellers().create(new ResellerDraft("r1", "Again")))
                .isInstanceOf(DuplicateKeyException.class).hasMessage("reseller id r1 already exists");
        assertThat(customers.resellers().list()).extracting(Reseller::id).containsExactly("r0", "r1");
    }

    @EachDatabase
    void every_credit_movement_is_recorded_with_the_balance_after_it(TestStore store) {
        Customers customers = Customers.of(store);
        customers.resellers().create(new ResellerDraft("r1", "North"));

        CreditMovement bought = customers.resellers().addCredits("r1", 100, "bank transfer 2026-11-20");
        CreditMovement spent = customers.resellers().spendCredits("r1", 30, "renewal of alice, 1 month");
        CreditMovement rest = customers.resellers().spendCredits("r1", 70, "renewal of bob, 3 months");

        assertThat(bought).isEqualTo(new CreditMovement("r1", 2, 100, "bank transfer 2026-11-20", NOW, 100));
        assertThat(spent).isEqualTo(new CreditMovement("r1", 3, -30, "renewal of alice, 1 month", NOW, 70));
        assertThat(rest.balanceAfter()).isZero();
        assertThat(customers.resellers().get("r1").credits()).isZero();
        assertThat(customers.resellers().get("r1").version()).isEqualTo(4);

        assertThatThrownBy(() -> customers.resellers().spendCredits("r1", 1, "one more"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("reseller credits of r1 are 0: spending 1 would take them below zero");
        assertThatThrownBy(() -> customers.resellers().spendCredits("r1", 0, "nothing"))
                .hasMessage("credit movement amount is 0 for reseller r1: must be positive");
        assertThatThrownBy(() -> customers.resellers().addCredits("r1", -5, "sneaky"))
                .hasMessage("credit movement amount is -5 for reseller r1: must be positive");
        assertThatThrownBy(() -> customers.resellers().addCredits("r1", 5, " "))
                .hasMessage("credit movement reason is blank");
        assertThatThrownBy(() -> customers.resellers().addCredits("r9", 5, "gift"))
                .isInstanceOf(NotFoundException.class).hasMessage("reseller r9 does not exist");
        assertThatThrownBy(() -> customers.resellers().spendCredits("r9", 5, "gift"))
                .isInstanceOf(NotFoundException.class).hasMessage("reseller r9 does not exist");
        customers.resellers().addCredits("r1", Reseller.MAX_CREDITS, "the most there is");
        assertThatThrownBy(() -> customers.resellers().addCredits("r1", 1, "too much"))
                .hasMessage("reseller credits of r1 are 1000000000000: adding 1 would exceed the maximum of 1000000000000");

        Page<CreditMovement> ledger = customers.resellers().movements("r1", 0, 10);
        assertThat(ledger.total()).isEqualTo(4);
        assertThat(ledger.items()).extracting(CreditMovement::delta).containsExactly(Reseller.MAX_CREDITS, -70L, -30L, 100L);
        assertThat(ledger.items()).extracting(CreditMovement::balanceAfter).containsExactly(Reseller.MAX_CREDITS, 0L, 70L, 100L);
        assertThat(customers.resellers().movements("r1", 3, 10).items()).containsExactly(bought);
        assertThatThrownBy(() -> customers.resellers().movements("r9", 0, 10)).isInstanceOf(NotFoundException.class);
    }

    @EachDatabase
    void fifty_parallel_spends_on_a_balance_for_ten_leave_exactly_ten_winners_and_zero(TestStore store) throws Exception {
        Customers customers = Customers.of(store);
        customers.resellers().create(new ResellerDraft("r1", "North"));
        customers.resellers().addCredits("r1", 30, "opening balance");
        int spenders = 50;
        ExecutorService threads = Executors.newFixedThreadPool(spenders);
        List<CreditMovement> spent = new ArrayList<>();
        List<Throwable> refused = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CreditMovement>> results = new ArrayList<>();
            for (int i = 0; i < spenders; i++) {
                String reason = "spend " + i;
                results.add(threads.submit(() -> {
                    start.await();
                    return customers.resellers().spendCredits("r1", 3, reason);
                }));
            }
            start.countDown();
            for (Future<CreditMovement> result : results) {
                try {
                    spent.add(result.get());
                } catch (ExecutionException e) {
                    refused.add(e.getCause());
                }
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(spent).hasSize(10);
        assertThat(refused).hasSize(40).allSatisfy(e -> assertThat(e).isInstanceOf(InvalidValueException.class)
                .hasMessageMatching("reseller credits of r1 are [0-2]: spending 3 would take them below zero"));
        assertThat(spent).extracting(CreditMovement::balanceAfter).containsExactlyInAnyOrder(0L, 3L, 6L, 9L, 12L, 15L,
                18L, 21L, 24L, 27L);
        Reseller after = customers.resellers().get("r1");
        assertThat(after.credits()).isZero();
        assertThat(after.version()).isEqualTo(12);
        Page<CreditMovement> ledger = customers.resellers().movements("r1", 0, 100);
        assertThat(ledger.total()).isEqualTo(11);
        assertThat(ledger.items().stream().mapToLong(CreditMovement::delta).sum()).isZero();
        JdbiLedger books = new JdbiLedger(store.database());
        assertThat(books.balance(LedgerAccount.credits("r1"), LedgerAccount.CREDITS).minorUnits()).isZero();
        assertThat(books.balance(LedgerAccount.CREDITS_SPENT, LedgerAccount.CREDITS).minorUnits()).isEqualTo(30);
        assertThat(books.entries(LedgerAccount.credits("r1"))).hasSize(11);
        assertThat(books.trialBalance().balanced()).isTrue();
    }

    @EachDatabase
    void a_reseller_who_owns_subscribers_cannot_be_deleted(TestStore store) {
        Customers customers = Customers.of(store);
        customers.resellers().create(new ResellerDraft("r1", "North"));
        customers.resellers().addCredits("r1", 10, "opening balance");
        for (String name : List.of("f", "e", "d", "c", "b", "a")) {
            customers.subscribers().create(Customers.subscriber("s-" + name, name).withOwner(Owner.reseller("r1")));
        }

        assertThatThrownBy(() -> customers.resellers().delete("r1")).isInstanceOf(ReferenceInUseException.class)
                .hasMessage("reseller r1 cannot be deleted: it is used by 6 subscribers (a, b, c, d, e, …)");
        assertThat(customers.resellers().get("r1").credits()).isEqualTo(10);

        for (String name : List.of("f", "e", "d", "c", "b", "a")) {
            customers.subscribers().delete("s-" + name);
        }
        assertThat(customers.resellers().delete("r1")).isTrue();
        assertThat(customers.resellers().delete("r1")).isFalse();
        // The ledger went with it: a new reseller of the same id starts clean.
        customers.resellers().create(new ResellerDraft("r1", "North again"));
        assertThat(customers.resellers().movements("r1", 0, 10).total()).isZero();
    }

    @EachDatabase
    void names_and_reasons_are_stored_verbatim(TestStore store) {
        Customers customers = Customers.of(store);
        int n = 0;
        for (String text : Customers.HOSTILE_TEXT) {
            String id = "r" + ++n;
            Reseller created = customers.resellers().create(new ResellerDraft(id, text));
            CreditMovement movement = customers.resellers().addCredits(id, n, text);
            assertThat(customers.resellers().get(id).name()).isEqualTo(text);
            assertThat(customers.resellers().get(id).draft()).isEqualTo(created.draft());
            assertThat(customers.resellers().movements(id, 0, 1).items()).containsExactly(movement);
            assertThat(movement.reason()).isEqualTo(text);
        }
    }
}
