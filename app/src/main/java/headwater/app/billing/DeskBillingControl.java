package headwater.app.billing;

import headwater.api.BillingControl;
import headwater.domain.billing.Invoice;
import headwater.domain.billing.InvoiceNumber;
import headwater.domain.billing.PaymentApplied;
import headwater.domain.billing.PlanTerms;
import headwater.domain.billing.RevenueReport;
import headwater.domain.billing.Subscription;
import headwater.domain.billing.TrialBalance;
import headwater.domain.billing.Voucher;
import headwater.domain.subscriber.Money;
import headwater.store.Database;
import headwater.store.billing.JdbiInvoiceRepository;
import headwater.store.billing.JdbiLedger;
import headwater.store.billing.JdbiPlanTermsRepository;
import headwater.store.billing.JdbiRevenueReports;
import headwater.store.billing.JdbiSubscriptionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The admin API's {@link BillingControl} on the billing desk and the store. */
public final class DeskBillingControl implements BillingControl {

    private final BillingDesk desk;
    private final JdbiPlanTermsRepository terms;
    private final JdbiSubscriptionRepository subscriptions;
    private final JdbiInvoiceRepository invoices;
    private final JdbiLedger ledger;
    private final JdbiRevenueReports reports;
    private final Clock clock;

    public DeskBillingControl(BillingDesk desk, Database database, Clock clock) {
        this.desk = desk;
        this.terms = new JdbiPlanTermsRepository(database);
        this.subscriptions = new JdbiSubscriptionRepository(database, clock);
        this.invoices = new JdbiInvoiceRepository(database);
        this.ledger = new JdbiLedger(database);
        this.reports = new JdbiRevenueReports(database);
        this.clock = clock;
    }

    @Override
    public PlanTerms terms(String planId) {
        return desk.terms(planId);
    }

    @Override
    public PlanTerms putTerms(PlanTerms planTerms) {
        return terms.put(planTerms);
    }

    @Override
    public Optional<Payment> subscribe(String subscriberId, String planId, String currency, String actor) {
        return desk.subscribe(subscriberId, planId, currency, actor).map(invoice -> payment(desk.pay(invoice.number())));
    }

    @Override
    public Optional<Invoice> changePlan(String subscriberId, String planId, String actor) {
        return desk.changePlan(subscriberId, planId, actor);
    }

    @Override
    public Subscription cancel(String subscriberId, boolean immediately, String actor) {
        return desk.cancel(subscriberId, immediately, actor);
    }

    @Override
    public Payment renew(String subscriberId, String actor) {
        return payment(desk.pay(desk.invoiceRenewal(subscriberId, actor).number()));
    }

    @Override
    public Payment pay(InvoiceNumber invoice) {
        return payment(desk.pay(invoice));
    }

    @Override
    public PaymentApplied confirm(InvoiceNumber invoice, String method, String actor) {
        return desk.confirmManual(invoice, method, actor);
    }

    @Override
    public Invoice refund(InvoiceNumber invoice, long netMinorUnits, String actor) {
        return desk.refund(invoice, netMinorUnits, actor);
    }

    @Override
    public List<Voucher> issueVouchers(int count, Money value, Duration valid, String actor) {
        return desk.issueVouchers(count, value, valid, actor);
    }

    @Override
    public PaymentApplied payWithVoucher(InvoiceNumber invoice, String code, String actor) {
        return desk.payWithVoucher(invoice, code, actor);
    }

    @Override
    public String buyCredits(String resellerId, long credits) {
        return desk.buyCredits(resellerId, credits);
    }

    @Override
    public Subscription sell(String resellerId, String subscriberId, String planId) {
        return desk.sellWithCredits(resellerId, subscriberId, planId);
    }

    @Override
    public Optional<Subscription> subscription(String subscriberId) {
        return subscriptions.find(subscriberId);
    }

    @Override
    public Optional<Invoice> invoice(InvoiceNumber number) {
        return invoices.find(number);
    }

    @Override
    public List<Invoice> invoices(String subscriberId) {
        return invoices.bySubscriber(subscriberId);
    }

    @Override
    public List<Invoice> outstanding() {
        return invoices.outstanding();
    }

    @Override
    public TrialBalance check() {
        return ledger.trialBalance();
    }

    @Override
    public RevenueReport report(YearMonth from, YearMonth to) {
        return reports.report(from, to, clock.instant());
    }

    private static Payment payment(PaymentRequest request) {
        return new Payment(request.invoice(), request.gateway(), request.url());
    }
}
