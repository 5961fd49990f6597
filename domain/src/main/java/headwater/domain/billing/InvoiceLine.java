package headwater.domain.billing;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.subscriber.Money;
import java.util.Objects;

/**
 * One line of an invoice: a quantity of something at a unit price, net of tax.
 *
 * @param quantity  1 to 10,000
 * @param unitPrice net, in the invoice's currency; negative only on credit notes
 */
public record InvoiceLine(String description, int quantity, Money unitPrice) {

    public InvoiceLine {
        Check.text("invoice line", "description", description, 200);
        Check.range("invoice line", "quantity", quantity, 1, 10_000);
        Objects.requireNonNull(unitPrice, "unitPrice");
    }

    /** quantity × unit price, exactly. */
    public Money net() {
        try {
            return Money.of(Math.multiplyExact(unitPrice.minorUnits(), quantity), unitPrice.currency());
        } catch (ArithmeticException e) {
            throw new InvalidValueException("invoice line", "unitPrice", "× " + quantity + " overflows");
        }
    }
}
