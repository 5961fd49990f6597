package headwater.payments;

import headwater.domain.subscriber.Money;
import java.util.Objects;

/**
 * A payment to ask of the subscriber through Stripe Checkout. The amount comes from the catalogue and the invoice,
 * never from the client.
 *
 * @param invoiceNumber the invoice the payment settles; also the idempotency key of the session's creation, so that a
 *                      retried request does not open a second session
 * @param subscriberId  sent as {@code client_reference_id}
 * @param description   the line the subscriber sees on Stripe's page
 * @param amount        what to charge, tax included
 */
public record CheckoutRequest(String invoiceNumber, String subscriberId, String description, Money amount) {

    public CheckoutRequest {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(description, "description");
        if (amount == null || amount.minorUnits() <= 0) {
            throw new IllegalArgumentException("checkout amount is " + amount + ": must be positive");
        }
    }
}
