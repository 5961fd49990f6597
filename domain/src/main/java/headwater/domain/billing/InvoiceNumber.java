package headwater.domain.billing;

import headwater.domain.catalog.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A document number: a series prefix, the year and a sequence with no gaps within the series and year:
 * {@code HW-2026-000042}.
 */
public record InvoiceNumber(String series, int year, long sequence) {

    private static final Pattern SERIES = Pattern.compile("[A-Z]{1,8}");
    private static final Pattern TEXT = Pattern.compile("([A-Z]{1,8})-(\\d{4})-(\\d{6,12})");

    public InvoiceNumber {
        if (series == null || !SERIES.matcher(series).matches()) {
            throw new InvalidValueException("invoice number", "series", "\"" + series
                    + "\" is not 1 to 8 capital letters");
        }
        if (year < 2000 || year > 9999) {
            throw new InvalidValueException("invoice number", "year", "is " + year);
        }
        if (sequence < 1) {
            throw new InvalidValueException("invoice number", "sequence", "is " + sequence + ": sequences start at 1");
        }
    }

    public static InvoiceNumber parse(String text) {
        var m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw new InvalidValueException("invoice number", "text", "\"" + text
                    + "\" is not a number such as HW-2026-000042");
        }
        return new InvoiceNumber(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
    }

    @Override
    public String toString() {
        return String.format("%s-%04d-%06d", series, year, sequence);
    }
}
