package headwater.domain.billing;

import headwater.domain.subscriber.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An issued invoice or credit note: numbered without gaps, never changed afterwards.
 *
 * @param number the document number, e.g. {@code HW-2026-000042} or {@code CN-2026-000003}
 * @param paidAt when it was settled, or null while it is outstanding
 */
public record Invoice(InvoiceNumber number, InvoiceDraft draft, Instant issuedAt, Instant paidAt) {

    public Invoice {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    public boolean outstanding() {
        return paidAt == null && draft.kind() == InvoiceKind.INVOICE;
    }

    /**
     * The booking of this document: the subscriber's receivable against revenue and tax. A credit note books the
     * reverse, because its amounts are negative.
     */
    public JournalEntry journalEntry() {
        Money net = draft.net();
        Money tax = draft.tax();
        Money total = draft.total();
        LedgerAccount receivable = LedgerAccount.receivable(draft.subscriberId());
        String reference = "invoice:" + number;
        String description = (draft.kind() == InvoiceKind.INVOICE ? "invoice " : "credit note ") + number;
        if (tax.minorUnits() == 0) {
            return new JournalEntry(reference, issuedAt, description, List.of(
                    new Posting(receivable, total), new Posting(LedgerAccount.REVENUE, negate(net))));
        }
        return new JournalEntry(reference, issuedAt, description, List.of(new Posting(receivable, total),
                new Posting(LedgerAccount.REVENUE, negate(net)), new Posting(LedgerAccount.TAX, negate(tax))));
    }

    private static Money negate(Money money) {
        return Money.of(Math.negateExact(money.minorUnits()), money.currency());
    }
}
