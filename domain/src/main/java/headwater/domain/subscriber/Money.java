package headwater.domain.subscriber;

import headwater.domain.catalog.InvalidValueException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * An amount of money in integer minor units (cents for EUR, yen for JPY) of an ISO 4217 currency: never a floating
 * point number, so that sums are exact.
 *
 * @param minorUnits the amount in the currency's smallest unit; negative for refunds and credits
 * @param currency   the ISO 4217 code, e.g. {@code EUR}
 */
public record Money(long minorUnits, String currency) {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    public Money {
        if (currency == null) {
            throw new InvalidValueException("money", "currency", "is missing");
        }
        if (!CODE.matcher(currency).matches()) {
            throw new InvalidValueException("money", "currency", "\"" + currency
                    + "\" is not an ISO 4217 code: three capital letters such as EUR or USD");
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("money", "currency", "\"" + currency + "\" is not an ISO 4217 currency");
        }
    }

    public static Money of(long minorUnits, String currency) {
        return new Money(minorUnits, currency);
    }

    /**
     * The sum of two amounts of the same currency.
     *
     * @throws InvalidValueException the currencies differ, or the sum overflows
     */
    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new InvalidValueException("money", "currency", "of " + other + " differs from " + this
                    + ": amounts of different currencies cannot be added");
        }
        try {
            return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
        } catch (ArithmeticException e) {
            throw new InvalidValueException("money", "minorUnits", "of " + this + " plus " + other
                    + " is out of range");
        }
    }

    /** The amount in major units, exactly: 1999 EUR cents is 19.99. */
    public BigDecimal amount() {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minorUnits, digits);
    }

    /** "19.99 EUR", "500 JPY". */
    @Override
    public String toString() {
        return amount().toPlainString() + " " + currency;
    }
}
