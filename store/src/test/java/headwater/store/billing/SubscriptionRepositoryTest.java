package headwater.store.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.billing.Invoice;
import headwater.domain.billing.InvoiceDraft;
import headwater.domain.billing.InvoiceLine;
import headwater.domain.billing.Ledger.Outcome;
import headwater.domain.billing.LedgerAccount;
import headwater.domain.billing.PaymentApplied;
import headwater.domain.billing.PlanTerms;
import headwater.domain.billing.Subscription;
import headwater.domain.billing.SubscriptionState;
import headwater.domain.billing.TaxRate;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.subscriber.BillingPeriod;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.Owner;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.ResellerDraft;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.subscriber.SubscriberStatus;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiResellerRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class SubscriptionRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();
    private static final PasswordHash HASH = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");
    private static final BillingPeriod MONTH = BillingPeriod.months(1);
    private static final Duration GRACE = Duration.ofDays(3);

    private static JdbiSubscriberRepository subscribers(TestStore store) {
        new JdbiPlanRepository(store.database()).create(Plan.of("gold", "Gold", Money.of(1000, "EUR")));
        JdbiSubscriberRepository subscribers = new JdbiSubscriberRepository(store.database(), TestStore.CLOCK);
        subscribers.create(SubscriberDraft.of("alice", "alice", HASH).withPlanId("gold").withExpiry(NOW));
        return subscribers;
    }

    @EachDatabase
    void plan_terms_round_trip_and_need_the_plan(TestStore store) {
        subscribers(store);
        JdbiPlanTermsRepository terms = new JdbiPlanTermsRepository(store.database());
        PlanTerms gold = new PlanTerms("gold", Map.of("EUR", Money.of(1000, "EUR"), "USD", Money.of(1100, "USD")),
                Duration.ofDays(7), GRACE, 10);

        terms.put(gold);
        terms.put(gold);
        assertThat(terms.find("gold")).contains(gold);
        assertThat(terms.find("silver")).isEmpty();
        assertThatThrownBy(() -> terms.put(new PlanTerms("silver", Map.of(), Duration.ZERO, Duration.ZERO, 0)))
                .isInstanceOf(UnknownReferenceException.class);
    }

    @EachDatabase
    void a_payment_reported_twice_at_once_extends_the_subscription_once(TestStore store) throws Exception {
        JdbiSubscriberRepository subscribers = subscribers(store);
        JdbiSubscriptionRepository subscriptions = new JdbiSubscriptionRepository(store.database(), TestStore.CLOCK);
        JdbiInvoiceRepository invoices = new JdbiInvoiceRepository(store.database());
        subscriptions.put(Subscription.paidStart("sub-1", "alice", "gold", MONTH, NOW), "EUR");
        Invoice renewal = invoices.issue(InvoiceDraft.invoice("alice", "EUR", TaxRate.NONE,
                new InvoiceLine("Gold, 1 month", 1, Money.of(1000, "EUR"))), NOW);

        List<PaymentApplied> applied = new ArrayList<>();
        LedgerTest.race(10, i -> () -> {
            PaymentApplied a = subscriptions.applyPayment(renewal.number(), LedgerAccount.clearing("stripe"), "pi_1",
                    MONTH, NOW);
            synchronized (applied) {
                applied.add(a);
            }
            return Outcome.POSTED;
        }, new ArrayList<>());

        assertThat(applied).hasSize(10).filteredOn(PaymentApplied::newlyPaid).hasSize(1);
        Subscription after = subscriptions.find("alice").orElseThrow();
        assertThat(after.periodEnd()).isEqualTo(MONTH.after(MONTH.after(NOW)));
        Subscriber alice = subscribers.get("alice");
        assertThat(alice.expiry()).isEqualTo(after.periodEnd());
        assertThat(new JdbiLedger(store.database()).balance(LedgerAccount.clearing("stripe"), "EUR"))
                .isEqualTo(Money.of(1000, "EUR"));
    }

    @EachDatabase
    void unpaid_periods_run_into_grace_then_expiry_and_a_payment_reactivates(TestStore store) {
        JdbiSubscriberRepository subscribers = subscribers(store);
        JdbiSubscriptionRepository subscriptions = new JdbiSubscriptionRepository(store.database(), TestStore.CLOCK);
        Subscription active = subscriptions.put(Subscription.paidStart("sub-1", "alice", "gold", MONTH, NOW), "EUR");
        assertThat(subscribers.get("alice").mayWatchAt(NOW)).isTrue();
        Instant end = active.periodEnd();

        assertThat(subscriptions.advance(end.minusSeconds(1), plan -> GRACE)).isEmpty();
        assertThat(subscriptions.advance(end, plan -> GRACE)).extracting(Subscription::state)
                .containsExactly(SubscriptionState.PAST_DUE);
        assertThat(subscribers.get("alice").expiry()).isEqualTo(end.plus(GRACE));
        assertThat(subscriptions.advance(end.plus(GRACE), plan -> GRACE)).extracting(Subscription::state)
                .containsExactly(SubscriptionState.EXPIRED);
        Subscriber expired = subscribers.get("alice");
        assertThat(expired.status()).isEqualTo(SubscriberStatus.EXPIRED);
        assertThat(expired.mayWatchAt(end.plus(GRACE))).isFalse();
        assertThat(subscriptions.currency("alice")).contains("EUR");

        Instant late = end.plus(Duration.ofDays(10));
        Invoice invoice = new JdbiInvoiceRepository(store.database()).issue(InvoiceDraft.invoice("alice", "EUR",
                TaxRate.NONE, new InvoiceLine("Gold", 1, Money.of(1000, "EUR"))), late);
        PaymentApplied paid = subscriptions.applyPayment(invoice.number(), LedgerAccount.clearing("manual"), "cash-1",
                MONTH, late);
        assertThat(paid.subscription().state()).isEqualTo(SubscriptionState.ACTIVE);
        Subscriber back = subscribers.get("alice");
        assertThat(back.status()).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(back.mayWatchAt(late)).isTrue();
        assertThat(back.expiry()).isEqualTo(MONTH.after(late));
    }

    @EachDatabase
    void concurrent_reseller_sales_never_overdraw_the_credits(TestStore store) throws Exception {
        new JdbiPlanRepository(store.database()).create(Plan.of("gold", "Gold", Money.of(1000, "EUR")));
        JdbiResellerRepository resellers = new JdbiResellerRepository(store.database(), TestStore.CLOCK);
        resellers.create(new ResellerDraft("r1", "North"));
        resellers.create(new ResellerDraft("r2", "South"));
        resellers.addCredits("r1", 50, "bank transfer");
        JdbiSubscriberRepository subscribers = new JdbiSubscriberRepository(store.database(), TestStore.CLOCK);
        subscribers.create(SubscriberDraft.of("alice", "alice", HASH).withOwner(Owner.reseller("r1")));
        subscribers.create(SubscriberDraft.of("bob", "bob", HASH).withOwner(Owner.reseller("r2")));
        JdbiSubscriptionRepository subscriptions = new JdbiSubscriptionRepository(store.database(), TestStore.CLOCK);

        List<Throwable> refused = new ArrayList<>();
        List<Outcome> sold = LedgerTest.race(20, i -> () -> {
            subscriptions.sellWithCredits("r1", "alice", "gold", 10, MONTH, "EUR", NOW);
            return Outcome.POSTED;
        }, refused);

        assertThat(sold).hasSize(5);
        assertThat(refused).hasSize(15).allSatisfy(e -> assertThat(e).hasMessageContaining("below zero"));
        assertThat(resellers.get("r1").credits()).isZero();
        Instant end = NOW;
        for (int i = 0; i < 5; i++) {
            end = MONTH.after(end);
        }
        assertThat(subscriptions.find("alice").orElseThrow().periodEnd()).isEqualTo(end);
        assertThat(subscribers.get("alice").expiry()).isEqualTo(end);
        assertThatThrownBy(() -> subscriptions.sellWithCredits("r1", "bob", "gold", 1, MONTH, "EUR", NOW))
                .isInstanceOf(headwater.domain.catalog.NotFoundException.class);
        JdbiLedger ledger = new JdbiLedger(store.database());
        assertThat(ledger.balance(LedgerAccount.CREDITS_SPENT, LedgerAccount.CREDITS).minorUnits()).isEqualTo(50);
        assertThat(ledger.trialBalance().balanced()).isTrue();
    }
}
