package headwater.app.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bitrates as people write them in configuration: a number and an SI unit of bits per second, {@code 800 Mbit/s},
 * {@code 10 Gbit/s}, {@code 2.5Gbit/s}, {@code 64 kbit/s}; {@code bps}, {@code kbps}, {@code Mbps}, {@code Gbps} too.
 * Units are decimal (1 Mbit/s = 1,000,000 bit/s), as for network links.
 */
public final class BitrateText {

    /** How a bad value is explained, so every message says the same thing. */
    public static final String EXPECTED = "a number and a unit (bit/s, kbit/s, Mbit/s, Gbit/s, Tbit/s), such as"
            + " 800 Mbit/s or 10 Gbit/s";

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,13}(?:\\.\\d{1,9})?)\\s*([kmgt]?)(?:bit/s|bps)");
    private static final long[] SCALE = {1L, 1_000L, 1_000_000L, 1_000_000_000L, 1_000_000_000_000L};
    private static final String PREFIXES = "kmgt";
    private static final String[] UNITS = {"bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"};

    private BitrateText() {
    }

    /** Bits per second, or empty when {@code text} is not of the accepted shape or not a whole number of bits. */
    public static Optional<Long> parse(String text) {
        Matcher m = SHAPE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long scale = SCALE[m.group(2).isEmpty() ? 0 : PREFIXES.indexOf(m.group(2)) + 1];
        BigDecimal bits = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(scale));
        try {
            return Optional.of(bits.longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** {@code bitsPerSecond} in the largest unit that represents it exactly: {@code 10 Gbit/s}, {@code 1500 kbit/s}. */
    public static String format(long bitsPerSecond) {
        for (int i = SCALE.length - 1; i > 0; i--) {
            if (bitsPerSecond != 0 && bitsPerSecond % SCALE[i] == 0) {
                return bitsPerSecond / SCALE[i] + " " + UNITS[i];
            }
        }
        return bitsPerSecond + " " + UNITS[0];
    }
}
