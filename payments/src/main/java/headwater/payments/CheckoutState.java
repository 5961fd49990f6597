package headwater.payments;

import headwater.domain.subscriber.Money;
import java.util.Map;

/**
 * A Checkout Session as Stripe reports it now.
 *
 * @param url           where to send the subscriber to pay (only while open)
 * @param paid          Stripe says {@code payment_status=paid}
 * @param invoiceNumber from the session's metadata, as Headwater created it
 * @param paymentIntent the payment's id ({@code pi_...}), for refunds; null until paid
 * @param metadata      what Headwater put on the session ({@code invoice}, or {@code reseller} and {@code credits})
 */
public record CheckoutState(String id, String url, boolean paid, Money amount, String invoiceNumber,
                            String subscriberId, String paymentIntent, Map<String, String> metadata) {

    public CheckoutState {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
