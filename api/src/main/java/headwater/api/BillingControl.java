package headwater.api;

import headwater.domain.billing.Invoice;
import headwater.domain.billing.InvoiceNumber;
import headwater.domain.billing.PaymentApplied;
import headwater.domain.billing.PlanTerms;
import headwater.domain.billing.RevenueReport;
import headwater.domain.billing.Subscription;
import headwater.domain.billing.TrialBalance;
import headwater.domain.billing.Voucher;
import headwater.domain.subscriber.Money;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Billing as the API drives it; the application's billing desk implements it. Every amount is computed behind this
 * interface from the catalogue: no method takes a price.
 */
public interface BillingControl {

    /**
     * How to pay an invoice.
     *
     * @param url Stripe Checkout's page, or null with the manual gateway (an operator confirms the payment)
     */
    record Payment(Invoice invoice, String gateway, String url) {
    }

    PlanTerms terms(String planId);

    PlanTerms putTerms(PlanTerms terms);

    /** A trial (empty) or the first invoice with how to pay it. */
    Optional<Payment> subscribe(String subscriberId, String planId, String currency, String actor);

    /** The invoice or credit note for the prorated difference, or empty. */
    Optional<Invoice> changePlan(String subscriberId, String planId, String actor);

    Subscription cancel(String subscriberId, boolean immediately, String actor);

    Payment renew(String subscriberId, String actor);

    Payment pay(InvoiceNumber invoice);

    PaymentApplied confirm(InvoiceNumber invoice, String method, String actor);

    /** A credit note of {@code netMinorUnits} (tax added) and the money sent back through the gateway it came by. */
    Invoice refund(InvoiceNumber invoice, long netMinorUnits, String actor);

    /** {@code count} new single-use voucher codes worth {@code value} each, valid for {@code valid} (zero: forever). */
    List<Voucher> issueVouchers(int count, Money value, Duration valid, String actor);

    /** Pays an invoice with a voucher worth exactly its total; one refusal for every reason. */
    PaymentApplied payWithVoucher(InvoiceNumber invoice, String code, String actor);

    /** Stripe's page where a reseller pays for {@code credits}; they are added when the payment is reported. */
    String buyCredits(String resellerId, long credits);

    Subscription sell(String resellerId, String subscriberId, String planId);

    Optional<Subscription> subscription(String subscriberId);

    Optional<Invoice> invoice(InvoiceNumber number);

    List<Invoice> invoices(String subscriberId);

    List<Invoice> outstanding();

    TrialBalance check();

    RevenueReport report(YearMonth from, YearMonth to);
}
