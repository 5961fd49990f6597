package headwater.api;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.subscriber.BillingPeriod;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.PeriodUnit;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Quality;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A plan as a client sends it. Defaults: no packages, 1 connection, HD, enabled. {@code price} and {@code period}
 * are required.
 *
 * @param id      required on create; on update optional, and then equal to the id in the path
 * @param version on update, the version the change is based on (or send {@code If-Match}); refused on create
 */
record PlanBody(String id, String name, List<String> packageIds, Integer maxConnections, Quality maxQuality,
                PriceBody price, PeriodBody period, Boolean enabled, Long version) {

    /** {@code {"minorUnits": 999, "currency": "EUR"}}: 9.99 EUR. */
    record PriceBody(Long minorUnits, String currency) {
    }

    /** {@code {"length": 1, "unit": "MONTHS"}}. */
    record PeriodBody(Integer length, PeriodUnit unit) {
    }

    Plan plan(String pathId) {
        List<FieldError> missing = new ArrayList<>();
        String effectiveId = Bodies.id(pathId, id, missing);
        Bodies.required("name", name, missing);
        Bodies.required("price", price, missing);
        Bodies.required("period", period, missing);
        if (price != null) {
            Bodies.required("price.minorUnits", price.minorUnits(), missing);
            Bodies.required("price.currency", price.currency(), missing);
        }
        if (period != null) {
            Bodies.required("period.length", period.length(), missing);
            Bodies.required("period.unit", period.unit(), missing);
        }
        Bodies.check(missing);
        Money money = nested("price", () -> new Money(price.minorUnits(), price.currency()));
        BillingPeriod billing = nested("period", () -> new BillingPeriod(period.length(), period.unit()));
        List<String> packages = packageIds == null ? List.of()
                : Check.ids("plan", "packageIds", packageIds, Plan.MAX_PACKAGES);
        return new Plan(effectiveId, name, new LinkedHashSet<>(packages), maxConnections == null ? 1 : maxConnections,
                maxQuality == null ? Quality.HD : maxQuality, money, billing, enabled == null || enabled);
    }

    /** Builds a nested value, naming its fields by their path in the body ("price.currency"). */
    private static <T> T nested(String field, java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException e) {
            String problem = e.getMessage().substring(e.entity().length() + e.field().length() + 2);
            throw ApiException.field(ProblemType.VALIDATION_FAILED, field + "." + e.field(), problem);
        }
    }
}
