/**
 * Money that moves: a double-entry {@link headwater.domain.billing.Ledger} behind every balance, invoices with gap-free
 * numbers and credit notes, subscriptions and their lifecycle (trial, active, past due, expired, cancelled),
 * proration of plan changes, and vouchers. Amounts are {@link headwater.domain.subscriber.Money}: integer minor units
 * of an ISO 4217 currency, never floating point.
 */
package headwater.domain.billing;
