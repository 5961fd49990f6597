package headwater.api;

import headwater.domain.subscriber.PeriodUnit;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Quality;
import java.util.List;

/** A plan as the API returns it; the price in minor units of its currency (999 EUR = 9.99 EUR). */
record PlanView(String id, String name, List<String> packageIds, int maxConnections, Quality maxQuality, Price price,
                Period period, boolean enabled, long version) {

    record Price(long minorUnits, String currency) {
    }

    record Period(int length, PeriodUnit unit) {
    }

    static PlanView of(Plan plan) {
        return new PlanView(plan.id(), plan.name(), plan.packageIdList(), plan.maxConnections(), plan.maxQuality(),
                new Price(plan.price().minorUnits(), plan.price().currency()),
                new Period(plan.period().length(), plan.period().unit()), plan.enabled(), plan.version());
    }
}
