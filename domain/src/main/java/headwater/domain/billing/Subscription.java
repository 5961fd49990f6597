package headwater.domain.billing;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.subscriber.BillingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A subscriber's subscription to a plan and its lifecycle: trial → active → past due → expired, or cancelled.
 * Values are immutable; each transition returns the next value. Time-driven transitions happen in {@link #at}.
 *
 * @param periodEnd         when the paid (or trial) period ends
 * @param graceEnd          while past due, when access stops; else null
 * @param cancelAtPeriodEnd the subscriber asked to stop renewing: at period end it becomes cancelled, not past due
 */
public record Subscription(String id, String subscriberId, String planId, SubscriptionState state,
                           Instant periodStart, Instant periodEnd, Instant graceEnd, boolean cancelAtPeriodEnd) {

    public Subscription {
        Check.id("subscription", "id", id);
        Check.id("subscription", "subscriberId", subscriberId);
        Check.id("subscription", "planId", planId);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        if (!periodEnd.isAfter(periodStart)) {
            throw new InvalidValueException("subscription", "periodEnd", "is " + periodEnd + ": not after "
                    + periodStart);
        }
        if ((state == SubscriptionState.PAST_DUE) != (graceEnd != null)) {
            throw new InvalidValueException("subscription", "graceEnd", "is " + graceEnd + " in state " + state
                    + ": only a past-due subscription has one");
        }
    }

    /** A new subscription in its free trial; the plan must have one. */
    public static Subscription trial(String id, String subscriberId, PlanTerms terms, Instant now) {
        if (terms.trial().isZero()) {
            throw new InvalidValueException("subscription", "trial", "of plan " + terms.planId()
                    + " is none: start it with a payment");
        }
        return new Subscription(id, subscriberId, terms.planId(), SubscriptionState.TRIAL, now,
                now.plus(terms.trial()), null, false);
    }

    /** A new subscription started by its first payment: active for one period from {@code paidAt}. */
    public static Subscription paidStart(String id, String subscriberId, String planId, BillingPeriod period,
                                         Instant paidAt) {
        return new Subscription(id, subscriberId, planId, SubscriptionState.ACTIVE, paidAt, period.after(paidAt),
                null, false);
    }

    /**
     * A new subscription waiting for its first payment: no access until then (it is stored as expired, so that the
     * payment starts its first period at the moment it arrives).
     */
    public static Subscription awaitingPayment(String id, String subscriberId, String planId, Instant now) {
        return new Subscription(id, subscriberId, planId, SubscriptionState.EXPIRED, now, now.plusMillis(1), null,
                false);
    }

    /**
     * A payment for one period arrived at {@code paidAt}: active for one more period. A payment while still entitled
     * extends from the current period's end; a payment after expiry starts a new period now (reactivation).
     *
     * @throws InvalidValueException the subscription is cancelled
     */
    public Subscription paid(BillingPeriod period, Instant paidAt) {
        if (state == SubscriptionState.CANCELLED) {
            throw new InvalidValueException("subscription", "state", "of " + id
                    + " is CANCELLED: a cancelled subscription takes no payment; start a new one");
        }
        boolean extend = (state == SubscriptionState.ACTIVE || state == SubscriptionState.TRIAL)
                && periodEnd.isAfter(paidAt);
        Instant start = extend ? periodEnd : (state == SubscriptionState.PAST_DUE ? earlier(periodEnd, paidAt)
                : paidAt);
        Instant end = period.after(start);
        if (!end.isAfter(paidAt)) {
            start = paidAt;
            end = period.after(paidAt);
        }
        return new Subscription(id, subscriberId, planId, SubscriptionState.ACTIVE, extend ? periodStart : start,
                end, null, cancelAtPeriodEnd);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The time-driven transitions as of {@code now}: period end without payment, grace end. */
    public Subscription at(Instant now, Duration grace) {
        Subscription s = this;
        if ((s.state == SubscriptionState.ACTIVE || s.state == SubscriptionState.TRIAL) && !now.isBefore(s.periodEnd)) {
            s = s.cancelAtPeriodEnd
                    ? s.with(SubscriptionState.CANCELLED, null)
                    : s.with(SubscriptionState.PAST_DUE, s.periodEnd.plus(grace));
        }
        if (s.state == SubscriptionState.PAST_DUE && !now.isBefore(s.graceEnd)) {
            s = s.with(SubscriptionState.EXPIRED, null);
        }
        return s;
    }

    /** Stops renewing: at period end ({@code immediately} false) or now. */
    public Subscription cancel(boolean immediately) {
        if (immediately || state == SubscriptionState.EXPIRED || state == SubscriptionState.PAST_DUE) {
            return with(SubscriptionState.CANCELLED, null);
        }
        return new Subscription(id, subscriberId, planId, state, periodStart, periodEnd, graceEnd, true);
    }

    /** Moves to another plan within the current period; the price difference is {@link Proration}'s business. */
    public Subscription changePlan(String newPlanId) {
        if (!state.entitled()) {
            throw new InvalidValueException("subscription", "state", "of " + id + " is " + state
                    + ": only a running subscription changes plan");
        }
        return new Subscription(id, subscriberId, newPlanId, state, periodStart, periodEnd, graceEnd,
                cancelAtPeriodEnd);
    }

    /** Until when access is given, or null when none is. */
    public Instant accessUntil() {
        return switch (state) {
            case TRIAL, ACTIVE -> periodEnd;
            case PAST_DUE -> graceEnd;
            case EXPIRED, CANCELLED -> null;
        };
    }

    private Subscription with(SubscriptionState next, Instant nextGraceEnd) {
        return new Subscription(id, subscriberId, planId, next, periodStart, periodEnd, nextGraceEnd,
                cancelAtPeriodEnd);
    }
}
