package headwater.domain.billing;

/**
 * What applying a payment did.
 *
 * @param invoice      the invoice, now paid
 * @param subscription the subscription after the payment, or null when the invoice belongs to none
 * @param newlyPaid    false when the invoice had been paid already (the same payment reported again): nothing changed
 */
public record PaymentApplied(Invoice invoice, Subscription subscription, boolean newlyPaid) {
}
