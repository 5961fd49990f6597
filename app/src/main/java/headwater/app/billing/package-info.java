/**
 * Billing in the running server: {@link headwater.app.billing.BillingDesk} subscribes, invoices and takes payments
 * (Stripe Checkout or the manual gateway), {@link headwater.app.billing.StripeWebhookRoute} receives Stripe's events,
 * and {@link headwater.app.billing.AccessSweep} makes access follow payment: periods that end unpaid run into grace and
 * expiry, and the sessions of a subscriber who may no longer watch are ended within a minute.
 */
package headwater.app.billing;
