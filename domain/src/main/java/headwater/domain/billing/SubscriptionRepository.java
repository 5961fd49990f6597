package headwater.domain.billing;

import headwater.domain.subscriber.BillingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Subscriptions, one per subscriber, and the writes that keep the subscriber's access equal to what was paid: every
 * change of a subscription sets the subscriber's expiry to {@link Subscription#accessUntil()} in the same
 * transaction, and reactivates a subscriber that had expired.
 */
public interface SubscriptionRepository {

    Optional<Subscription> find(String subscriberId);

    /** Stores the subscription (new or replacing the subscriber's) in {@code currency}, and the subscriber's access. */
    Subscription put(Subscription subscription, String currency);

    /** The currency the subscriber's subscription is billed in. */
    Optional<String> currency(String subscriberId);

    /**
     * Settles the invoice through {@code clearing} under {@code payment:<reference>} and, when it was not paid
     * before, extends the subscriber's subscription by one {@code period}: all in one transaction, so that a payment
     * reported twice (even at the same moment) extends once.
     */
    PaymentApplied applyPayment(InvoiceNumber invoice, LedgerAccount clearing, String reference, BillingPeriod period,
                                Instant at);

    /**
     * Pays an outstanding invoice with a voucher worth exactly its total: the voucher is redeemed and the payment
     * applied in one transaction, so that a code typed twice at once pays once and is used once.
     *
     * @param code the voucher code, normalised
     * @return empty (one answer for every refusal, so that codes cannot be probed) when the code is unknown, used,
     *         expired or of another value or currency, or the invoice is not outstanding
     */
    Optional<PaymentApplied> applyVoucher(InvoiceNumber invoice, String code, BillingPeriod period, Instant at);

    /**
     * A reseller sells one period of a plan to one of its own subscribers: the credits are spent (never below zero,
     * even when sales race) and the subscription extended (or started) in one transaction.
     *
     * @throws headwater.domain.catalog.NotFoundException     the subscriber does not exist or is not the reseller's
     * @throws headwater.domain.catalog.InvalidValueException the reseller's credits are short
     */
    Subscription sellWithCredits(String resellerId, String subscriberId, String planId, long credits,
                                 BillingPeriod period, String currency, Instant at);

    /**
     * Stores a changed subscription (another plan, a cancellation) and the subscriber's plan and access with it.
     *
     * @throws headwater.domain.catalog.NotFoundException the subscriber has no such subscription
     */
    Subscription change(Subscription changed);

    /** Running subscriptions (trial, active) whose period ends in {@code [from, to)}, not set to cancel. */
    List<Subscription> ending(Instant from, Instant to);

    /**
     * Applies the time-driven transitions ({@link Subscription#at}) that are due at {@code now}: trials and periods
     * that ended unpaid, grace periods that ran out.
     *
     * @param grace per plan, the plan's grace period
     * @return the subscriptions that changed, after the change
     */
    List<Subscription> advance(Instant now, Function<String, Duration> grace);
}
