package headwater.domain.billing;

import headwater.domain.catalog.InvalidValueException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A tax rate in basis points (hundredths of a percent): 2000 is 20 %, 550 is 5.5 %.
 *
 * @param basisPoints 0 to 10,000
 */
public record TaxRate(int basisPoints) {

    public static final TaxRate NONE = new TaxRate(0);

    public TaxRate {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new InvalidValueException("tax rate", "basisPoints", "is " + basisPoints
                    + ": must be between 0 (no tax) and 10000 (100 %)");
        }
    }

    /** "20 %" → 2000 basis points; at most two decimals. */
    public static TaxRate percent(String percent) {
        try {
            BigDecimal bp = new BigDecimal(percent.trim()).movePointRight(2);
            return new TaxRate(bp.intValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidValueException("tax rate", "percent", "\"" + percent
                    + "\" is not a percentage with at most two decimals, such as 20 or 5.5");
        }
    }

    /** The tax on a net amount in minor units, rounded half up to the minor unit (half away from zero). */
    public long taxOn(long netMinorUnits) {
        return BigDecimal.valueOf(netMinorUnits).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
    }

    @Override
    public String toString() {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + " %";
    }
}
