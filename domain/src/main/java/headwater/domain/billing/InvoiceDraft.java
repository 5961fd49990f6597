package headwater.domain.billing;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.subscriber.Money;
import java.util.List;
import java.util.Objects;

/**
 * An invoice before it is numbered: who is billed, what, and at which tax rate. Totals are computed here, never taken
 * from a client.
 *
 * @param corrects for a credit note, the number of the invoice it corrects; else null
 */
public record InvoiceDraft(InvoiceKind kind, String subscriberId, String currency, List<InvoiceLine> lines,
                           TaxRate taxRate, String corrects) {

    public InvoiceDraft {
        Objects.requireNonNull(kind, "kind");
        Check.id("invoice", "subscriberId", subscriberId);
        Money.of(0, currency);
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > 100) {
            throw new InvalidValueException("invoice", "lines", "are " + lines.size() + ": an invoice has 1 to 100");
        }
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine line = lines.get(i);
            if (!line.unitPrice().currency().equals(currency)) {
                throw new InvalidValueException("invoice", "lines[" + i + "].unitPrice", "is in "
                        + line.unitPrice().currency() + ": the invoice is in " + currency);
            }
            boolean negative = line.unitPrice().minorUnits() < 0;
            if (negative != (kind == InvoiceKind.CREDIT_NOTE) || line.unitPrice().minorUnits() == 0) {
                throw new InvalidValueException("invoice", "lines[" + i + "].unitPrice", "is " + line.unitPrice()
                        + ": " + (kind == InvoiceKind.INVOICE ? "invoice lines are positive"
                        : "credit note lines are negative"));
            }
        }
        Objects.requireNonNull(taxRate, "taxRate");
        if ((kind == InvoiceKind.CREDIT_NOTE) != (corrects != null)) {
            throw new InvalidValueException("invoice", "corrects", kind == InvoiceKind.CREDIT_NOTE
                    ? "is missing: a credit note names the invoice it corrects"
                    : "is set: only a credit note corrects an invoice");
        }
    }

    public static InvoiceDraft invoice(String subscriberId, String currency, TaxRate taxRate, InvoiceLine... lines) {
        return new InvoiceDraft(InvoiceKind.INVOICE, subscriberId, currency, List.of(lines), taxRate, null);
    }

    public Money net() {
        Money sum = Money.of(0, currency);
        for (InvoiceLine line : lines) {
            sum = sum.plus(line.net());
        }
        return sum;
    }

    public Money tax() {
        return Money.of(taxRate.taxOn(net().minorUnits()), currency);
    }

    public Money total() {
        return net().plus(tax());
    }
}
