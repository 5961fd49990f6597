package headwater.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.subscriber.BillingPeriod;
import headwater.domain.subscriber.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");
    private static final Duration GRACE = Duration.ofDays(3);
    private static final PlanTerms TERMS = new PlanTerms("premium", Map.of("EUR", Money.of(999, "EUR")),
            Duration.ofDays(7), GRACE, 10);
    private static final BillingPeriod MONTH = BillingPeriod.months(1);

    @Test
    void a_trial_runs_out_into_past_due_then_expiry() {
        Subscription trial = Subscription.trial("s1", "alice", TERMS, T0);
        assertThat(trial.state()).isEqualTo(SubscriptionState.TRIAL);
        assertThat(trial.accessUntil()).isEqualTo(T0.plus(Duration.ofDays(7)));

        Subscription due = trial.at(T0.plus(Duration.ofDays(7)), GRACE);
        assertThat(due.state()).isEqualTo(SubscriptionState.PAST_DUE);
        assertThat(due.state().entitled()).isTrue();
        assertThat(due.accessUntil()).isEqualTo(T0.plus(Duration.ofDays(10)));

        Subscription expired = due.at(T0.plus(Duration.ofDays(10)), GRACE);
        assertThat(expired.state()).isEqualTo(SubscriptionState.EXPIRED);
        assertThat(expired.state().entitled()).isFalse();
        assertThat(expired.accessUntil()).isNull();
    }

    @Test
    void a_payment_extends_from_the_period_end_in_calendar_months() {
        Subscription active = Subscription.paidStart("s1", "alice", "premium", MONTH, T0);
        assertThat(active.periodEnd()).isEqualTo(Instant.parse("2026-02-28T12:00:00Z"));

        Subscription renewed = active.paid(MONTH, Instant.parse("2026-02-20T00:00:00Z"));
        assertThat(renewed.state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(renewed.periodEnd()).isEqualTo(Instant.parse("2026-03-28T12:00:00Z"));
    }

    @Test
    void a_late_payment_in_grace_continues_the_period_and_after_expiry_starts_anew() {
        Subscription active = Subscription.paidStart("s1", "alice", "premium", MONTH, T0);
        Instant end = active.periodEnd();

        Subscription due = active.at(end.plusSeconds(60), GRACE);
        Subscription paidInGrace = due.paid(MONTH, end.plus(Duration.ofDays(2)));
        assertThat(paidInGrace.periodStart()).isEqualTo(end);
        assertThat(paidInGrace.periodEnd()).isEqualTo(Instant.parse("2026-03-28T12:00:00Z"));

        Instant late = end.plus(Duration.ofDays(40));
        Subscription expired = due.at(late, GRACE);
        Subscription reactivated = expired.paid(MONTH, late);
        assertThat(reactivated.state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(reactivated.periodStart()).isEqualTo(late);
    }

    @Test
    void cancelling_at_period_end_keeps_access_until_then() {
        Subscription active = Subscription.paidStart("s1", "alice", "premium", MONTH, T0);
        Subscription cancelling = active.cancel(false);

        assertThat(cancelling.state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(cancelling.at(active.periodEnd().minusSeconds(1), GRACE).state())
                .isEqualTo(SubscriptionState.ACTIVE);
        assertThat(cancelling.at(active.periodEnd(), GRACE).state()).isEqualTo(SubscriptionState.CANCELLED);
        assertThat(active.cancel(true).state()).isEqualTo(SubscriptionState.CANCELLED);
        assertThatThrownBy(() -> active.cancel(true).paid(MONTH, T0)).hasMessageContaining("CANCELLED");
    }

    @Test
    void a_plan_change_keeps_the_period_and_needs_a_running_subscription() {
        Subscription active = Subscription.paidStart("s1", "alice", "basic", MONTH, T0);
        Subscription upgraded = active.changePlan("premium");
        assertThat(upgraded.planId()).isEqualTo("premium");
        assertThat(upgraded.periodEnd()).isEqualTo(active.periodEnd());
        assertThatThrownBy(() -> active.cancel(true).changePlan("premium")).hasMessageContaining("CANCELLED");
    }
}
