package headwater.domain.billing;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.subscriber.Money;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a plan costs and how its subscriptions run: a price per currency, an optional free trial, the grace period
 * after an unpaid period end during which access continues, and the price in reseller credits.
 *
 * @param prices      per ISO currency, positive, keyed by the currency code
 * @param trial       zero for none, at most 90 days
 * @param grace       zero for none, at most 30 days
 * @param creditPrice what a reseller spends to sell one period; 0 when resellers may not sell the plan
 */
public record PlanTerms(String planId, Map<String, Money> prices, Duration trial, Duration grace, long creditPrice) {

    public static final Duration MAX_TRIAL = Duration.ofDays(90);
    public static final Duration MAX_GRACE = Duration.ofDays(30);

    public PlanTerms {
        Check.id("plan terms", "planId", planId);
        prices = Collections.unmodifiableSortedMap(new TreeMap<>(prices));
        prices.forEach((currency, price) -> {
            if (!price.currency().equals(currency) || price.minorUnits() <= 0) {
                throw new InvalidValueException("plan terms", "prices." + currency, "is " + price
                        + ": a price is positive and in the currency it is listed under");
            }
        });
        within("trial", trial, MAX_TRIAL);
        within("grace", grace, MAX_GRACE);
        if (creditPrice < 0 || creditPrice > 1_000_000) {
            throw new InvalidValueException("plan terms", "creditPrice", "is " + creditPrice
                    + ": must be between 0 and 1000000");
        }
    }

    private static void within(String field, Duration value, Duration max) {
        if (value == null || value.isNegative() || value.compareTo(max) > 0) {
            throw new InvalidValueException("plan terms", field, "is " + value + ": must be between 0 and "
                    + max.toDays() + " days");
        }
    }

    /** The price in a currency; empty when the plan is not sold in it. */
    public Optional<Money> price(String currency) {
        return Optional.ofNullable(prices.get(currency));
    }
}
