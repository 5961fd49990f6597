package headwater.domain.billing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issued invoices and credit notes. Issuing numbers the document without gaps and books it in the ledger in the same
 * transaction; settling books the payment. Documents are never changed otherwise.
 */
public interface InvoiceRepository {

    /** Series of invoices ({@code HW-2026-000001}) and of credit notes ({@code CN-2026-000001}). */
    String INVOICE_SERIES = "HW";
    String CREDIT_NOTE_SERIES = "CN";

    /**
     * Numbers, stores and books the draft.
     *
     * @throws headwater.domain.catalog.InvalidValueException a credit note names an unknown invoice, another
     *         subscriber's, another currency or tax rate, or would credit more than the invoice's total
     */
    Invoice issue(InvoiceDraft draft, Instant at);

    /**
     * Like {@link #issue}, for the prorated difference of a plan change: paying it settles the change and does not
     * extend the subscription by a period.
     */
    Invoice issueAdjustment(InvoiceDraft draft, Instant at);

    Optional<Invoice> find(InvoiceNumber number);

    /** A subscriber's documents, newest first. */
    List<Invoice> bySubscriber(String subscriberId);

    /** Invoices not paid yet, oldest first. */
    List<Invoice> outstanding();

    /** The reference the invoice's payment was booked under ({@code payment:stripe:pi_...}), if it is paid. */
    Optional<String> paymentReference(InvoiceNumber number);

    /**
     * Records that the invoice was paid through {@code clearing} (the gateway's account), booking the payment under
     * {@code payment:<paymentReference>}. Settling an invoice that is already paid changes nothing and returns it:
     * a gateway that reports a payment twice is harmless.
     *
     * @throws headwater.domain.catalog.NotFoundException no such invoice
     */
    Invoice settle(InvoiceNumber number, LedgerAccount clearing, String paymentReference, Instant at);
}
