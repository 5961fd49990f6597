package headwater.app.billing;

import headwater.domain.billing.Invoice;

/**
 * How the subscriber pays an invoice: on Stripe's Checkout page ({@code url}), or, with the manual gateway, by cash,
 * bank transfer or voucher that an operator confirms ({@code url} null).
 */
public record PaymentRequest(Invoice invoice, String gateway, String url) {
}
