package headwater.domain.subscriber;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * How long one payment of a plan lasts: a number of days or of calendar months.
 *
 * @param length 1 to {@value #MAX_DAYS} days, or 1 to {@value #MAX_MONTHS} months
 */
public record BillingPeriod(int length, PeriodUnit unit) {

    public static final int MAX_DAYS = 3660;
    public static final int MAX_MONTHS = 120;

    public BillingPeriod {
        if (unit == null) {
            throw new InvalidValueException("billing period", "unit", "is missing: one of DAYS, MONTHS");
        }
        Check.range("billing period", "length", length, 1, unit == PeriodUnit.DAYS ? MAX_DAYS : MAX_MONTHS);
    }

    public static BillingPeriod days(int days) {
        return new BillingPeriod(days, PeriodUnit.DAYS);
    }

    public static BillingPeriod months(int months) {
        return new BillingPeriod(months, PeriodUnit.MONTHS);
    }

    /** The instant one period after {@code start}, counting calendar months in UTC. */
    public Instant after(Instant start) {
        var utc = start.atOffset(ZoneOffset.UTC);
        return (unit == PeriodUnit.DAYS ? utc.plusDays(length) : utc.plusMonths(length)).toInstant();
    }

    /** "30 DAYS", "1 MONTHS". */
    @Override
    public String toString() {
        return length + " " + unit;
    }
}
