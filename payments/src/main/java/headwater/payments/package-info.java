/**
 * Payment gateways. Stripe through stripe-java: Checkout Sessions (the card form is Stripe's, so no card number
 * reaches Headwater and PCI scope stays at SAQ A), retrieval of a session's final state, refunds, and webhooks
 * verified on the raw body. Imports only the domain; the application wires it to the ledger and the subscriptions.
 */
package headwater.payments;
