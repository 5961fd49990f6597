package headwater.store.billing;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.billing.InvoiceDraft;
import headwater.domain.billing.InvoiceLine;
import headwater.domain.billing.Ledger.Outcome;
import headwater.domain.billing.LedgerAccount;
import headwater.domain.billing.Subscription;
import headwater.domain.billing.SubscriptionState;
import headwater.domain.billing.TaxRate;
import headwater.domain.billing.Voucher;
import headwater.domain.subscriber.BillingPeriod;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

class VoucherRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();

    @EachDatabase
    void a_voucher_redeemed_twice_at_once_pays_once(TestStore store) throws Exception {
        JdbiVoucherRepository vouchers = new JdbiVoucherRepository(store.database());
        JdbiLedger ledger = new JdbiLedger(store.database());
        Voucher voucher = vouchers.create(new Voucher(Voucher.newCode(), Money.of(1500, "EUR"), NOW, null, null, null));

        List<Throwable> failures = new ArrayList<>();
        List<Outcome> outcomes = LedgerTest.race(20, i -> () -> vouchers.redeem(voucher.display().toLowerCase(),
                "s" + i, NOW).isPresent() ? Outcome.POSTED : Outcome.DUPLICATE, failures);

        assertThat(failures).isEmpty();
        assertThat(outcomes).containsOnlyOnce(Outcome.POSTED);
        Voucher redeemed = vouchers.find(voucher.code()).orElseThrow();
        assertThat(redeemed.redeemedAt()).isEqualTo(NOW);
        assertThat(ledger.balance(JdbiVoucherRepository.CLEARING, "EUR")).isEqualTo(Money.of(1500, "EUR"));
        assertThat(ledger.balance(LedgerAccount.receivable(redeemed.redeemedBy()), "EUR"))
                .isEqualTo(Money.of(-1500, "EUR"));
        assertThat(ledger.trialBalance().balanced()).isTrue();
    }

    @EachDatabase
    void unknown_expired_and_malformed_codes_get_the_same_empty_answer(TestStore store) {
        JdbiVoucherRepository vouchers = new JdbiVoucherRepository(store.database());
        Voucher expiring = vouchers.create(new Voucher(Voucher.newCode(), Money.of(100, "EUR"), NOW.minusSeconds(60),
                NOW, null, null));

        assertThat(vouchers.redeem(expiring.code(), "alice", NOW)).isEmpty();
        assertThat(vouchers.redeem(Voucher.newCode(), "alice", NOW)).isEmpty();
        assertThat(vouchers.redeem("' OR 1=1 --", "alice", NOW)).isEmpty();
        assertThat(new JdbiLedger(store.database()).trialBalance().entries()).isZero();
    }

    @EachDatabase
    void a_voucher_typed_twice_at_once_pays_its_invoice_once(TestStore store) throws Exception {
        new JdbiPlanRepository(store.database()).create(
                Plan.of("gold", "Gold", Money.of(1000, "EUR")));
        new JdbiSubscriberRepository(store.database(), TestStore.CLOCK).create(
                SubscriberDraft.of("alice", "alice", new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJH"
                        + "Aph8ArZWb2GRPPc")));
        JdbiSubscriptionRepository subscriptions = new JdbiSubscriptionRepository(store.database(), TestStore.CLOCK);
        subscriptions.put(Subscription.awaitingPayment("s1", "alice", "gold", NOW), "EUR");
        var invoice = new JdbiInvoiceRepository(store.database()).issue(InvoiceDraft.invoice(
                "alice", "EUR", TaxRate.NONE, new InvoiceLine("Gold", 1,
                        Money.of(1000, "EUR"))), NOW);
        Voucher voucher = new JdbiVoucherRepository(store.database()).create(new Voucher(Voucher.newCode(),
                Money.of(1000, "EUR"), NOW, null, null, null));
        Voucher wrongValue = new JdbiVoucherRepository(store.database()).create(new Voucher(Voucher.newCode(),
                Money.of(999, "EUR"), NOW, null, null, null));

        assertThat(subscriptions.applyVoucher(invoice.number(), wrongValue.code(),
                BillingPeriod.months(1), NOW)).isEmpty();
        List<Outcome> outcomes = LedgerTest.race(10, i -> () -> subscriptions.applyVoucher(invoice.number(),
                voucher.code(), BillingPeriod.months(1), NOW).isPresent()
                ? Outcome.POSTED : Outcome.DUPLICATE, new ArrayList<>());

        assertThat(outcomes).containsOnlyOnce(Outcome.POSTED);
        assertThat(new JdbiVoucherRepository(store.database()).find(voucher.code()).orElseThrow().redeemedBy())
                .isEqualTo("alice");
        assertThat(new JdbiVoucherRepository(store.database()).find(wrongValue.code()).orElseThrow().redeemedAt())
                .isNull();
        JdbiLedger ledger = new JdbiLedger(store.database());
        assertThat(ledger.balance(JdbiVoucherRepository.CLEARING, "EUR")).isEqualTo(Money.of(1000, "EUR"));
        assertThat(ledger.trialBalance().balanced()).isTrue();
        assertThat(subscriptions.find("alice").orElseThrow().state())
                .isEqualTo(SubscriptionState.ACTIVE);
    }
}
