package headwater.domain.billing;

import headwater.domain.catalog.InvalidValueException;
import headwater.domain.subscriber.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The money side of a plan change in the middle of a period: the unused part of the old plan is credited, the
 * remaining part of the new plan charged, each rounded half up to the minor unit.
 *
 * @param credit what the unused old plan is worth (not negative)
 * @param charge what the rest of the period costs on the new plan (not negative)
 */
public record Proration(Money credit, Money charge) {

    /**
     * @throws InvalidValueException the prices are in different currencies, or {@code at} is outside the period
     */
    public static Proration of(Money oldPrice, Money newPrice, Instant periodStart, Instant periodEnd, Instant at) {
        if (!oldPrice.currency().equals(newPrice.currency())) {
            throw new InvalidValueException("proration", "currency", "of " + newPrice + " differs from " + oldPrice
                    + ": a plan change keeps the subscription's currency");
        }
        if (at.isBefore(periodStart) || at.isAfter(periodEnd)) {
            throw new InvalidValueException("proration", "at", "is " + at + ": outside the period " + periodStart
                    + ".." + periodEnd);
        }
        long length = Duration.between(periodStart, periodEnd).toMillis();
        long remaining = Duration.between(at, periodEnd).toMillis();
        return new Proration(share(oldPrice, remaining, length), share(newPrice, remaining, length));
    }

    private static Money share(Money price, long remaining, long length) {
        long minor = BigDecimal.valueOf(price.minorUnits()).multiply(BigDecimal.valueOf(remaining))
                .divide(BigDecimal.valueOf(length), 0, RoundingMode.HALF_UP).longValueExact();
        return Money.of(minor, price.currency());
    }

    /** Charge less credit: positive for an upgrade (the subscriber pays), negative for a downgrade (credited). */
    public Money net() {
        return charge.plus(Money.of(-credit.minorUnits(), credit.currency()));
    }
}
