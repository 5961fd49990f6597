package headwater.api;

import headwater.domain.billing.Subscription;

/** A subscription as the API shows it. */
record SubscriptionView(String id, String subscriberId, String planId, String state, String periodStart,
                        String periodEnd, String graceEnd, boolean cancelAtPeriodEnd, String accessUntil) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id(), s.subscriberId(), s.planId(), s.state().name(), s.periodStart().toString(),
                s.periodEnd().toString(), s.graceEnd() == null ? null : s.graceEnd().toString(),
                s.cancelAtPeriodEnd(), s.accessUntil() == null ? null : s.accessUntil().toString());
    }
}
