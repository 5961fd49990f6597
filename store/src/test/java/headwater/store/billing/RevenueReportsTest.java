package headwater.store.billing;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.billing.Invoice;
import headwater.domain.billing.InvoiceDraft;
import headwater.domain.billing.InvoiceKind;
import headwater.domain.billing.InvoiceLine;
import headwater.domain.billing.LedgerAccount;
import headwater.domain.billing.RevenueReport;
import headwater.domain.billing.Subscription;
import headwater.domain.billing.TaxRate;
import headwater.domain.subscriber.BillingPeriod;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

class RevenueReportsTest {

    private static final PasswordHash HASH = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");
    private static final Instant OCT = Instant.parse("2026-10-05T10:00:00Z");
    private static final Instant NOV = Instant.parse("2026-11-05T10:00:00Z");

    @EachDatabase
    void revenue_mrr_outstanding_and_churn_come_from_the_books(TestStore store) {
        new JdbiPlanRepository(store.database()).create(Plan.of("gold", "Gold", Money.of(1200, "EUR")));
        new JdbiPlanRepository(store.database()).create(new Plan("year", "Year", java.util.Set.of(), 1,
                headwater.domain.subscriber.Quality.HD, Money.of(12000, "EUR"), BillingPeriod.months(12), true));
        JdbiSubscriberRepository subscribers = new JdbiSubscriberRepository(store.database(), TestStore.CLOCK);
        for (String id : List.of("alice", "bob", "carol")) {
            subscribers.create(SubscriberDraft.of(id, id, HASH));
        }
        JdbiSubscriptionRepository subscriptions = new JdbiSubscriptionRepository(store.database(), TestStore.CLOCK);
        subscriptions.put(Subscription.paidStart("s1", "alice", "gold", BillingPeriod.months(1), OCT), "EUR")
                .paid(BillingPeriod.months(1), NOV);
        subscriptions.put(Subscription.paidStart("s1", "alice", "gold", BillingPeriod.months(1), OCT)
                .paid(BillingPeriod.months(1), NOV), "EUR");
        subscriptions.put(Subscription.paidStart("s2", "bob", "year", BillingPeriod.months(12), OCT), "EUR");
        Subscription carol = Subscription.paidStart("s3", "carol", "gold", BillingPeriod.days(40), OCT);
        subscriptions.put(carol.at(carol.periodEnd(), Duration.ZERO), "EUR");

        JdbiInvoiceRepository invoices = new JdbiInvoiceRepository(store.database());
        Invoice october = invoices.issue(InvoiceDraft.invoice("alice", "EUR", TaxRate.percent("20"),
                new InvoiceLine("Gold", 1, Money.of(1000, "EUR"))), OCT);
        invoices.settle(october.number(), LedgerAccount.clearing("stripe"), "pi_1", OCT);
        invoices.issue(InvoiceDraft.invoice("alice", "EUR", TaxRate.percent("20"),
                new InvoiceLine("Gold", 1, Money.of(1000, "EUR"))), NOV);
        invoices.issue(new InvoiceDraft(InvoiceKind.CREDIT_NOTE, "alice", "EUR",
                List.of(new InvoiceLine("goodwill", 1, Money.of(-250, "EUR"))), TaxRate.percent("20"),
                october.number().toString()), NOV);

        RevenueReport report = new JdbiRevenueReports(store.database()).report(YearMonth.of(2026, 10),
                YearMonth.of(2026, 11), NOV);

        assertThat(report.months()).containsExactly(
                new RevenueReport.MonthRevenue(YearMonth.of(2026, 10), "EUR", 1000, 200),
                new RevenueReport.MonthRevenue(YearMonth.of(2026, 11), "EUR", 750, 150));
        assertThat(report.mrr()).containsExactly(new RevenueReport.Amount("EUR", 1200 + 1000));
        assertThat(report.outstanding()).containsExactly(new RevenueReport.Outstanding("EUR", 1, 1200));
        assertThat(report.churn()).containsExactly(new RevenueReport.Churn(YearMonth.of(2026, 10), 0, 0, 0),
                new RevenueReport.Churn(YearMonth.of(2026, 11), 3, 1, 3333));
    }
}
