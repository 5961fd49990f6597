package headwater.app.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --expires}: a date ({@code 2027-01-31}: the subscription runs through that day, UTC, so it ends at the next
 * midnight), an instant ({@code 2027-01-31T18:00:00Z}), or a period from now ({@code 30d}, {@code 12h}).
 */
final class ExpiryConverter implements ITypeConverter<Instant> {

    static final String EXPECTED = "a date (2027-01-31: through that day, UTC), an instant (2027-01-31T18:00:00Z)"
            + " or a period from now (30d, 12h)";
    private static final Pattern PERIOD = Pattern.compile("(\\d{1,5})([dh])");

    private final Clock clock;

    ExpiryConverter() {
        this(Clock.systemUTC());
    }

    ExpiryConverter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String value) {
        String text = value.strip();
        Matcher period = PERIOD.matcher(text);
        if (period.matches()) {
            long amount = Long.parseLong(period.group(1));
            return clock.instant().plus(period.group(2).equals("d") ? Duration.ofDays(amount) : Duration.ofHours(amount));
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not " + EXPECTED);
        }
    }
}
