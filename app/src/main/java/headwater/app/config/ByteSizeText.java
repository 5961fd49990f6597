package headwater.app.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people write them in configuration: a number and a unit of bytes, decimal ({@code 50 GB}, {@code 500MB},
 * {@code 1.5 TB}, {@code kB}) or binary ({@code 64 GiB}, {@code 512 MiB}), or a plain number of bytes. Units are
 * case-insensitive; {@code GB} is 10^9 bytes, {@code GiB} 2^30, as {@code df -H} and {@code df -h} count.
 */
public final class ByteSizeText {

    /** How a bad value is explained, so every message says the same thing. */
    public static final String EXPECTED = "a number of bytes, or a number and a unit (B, kB, MB, GB, TB, PB, KiB,"
            + " MiB, GiB, TiB, PiB), such as 50 GB or 512 GiB";

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,19}(?:\\.\\d{1,9})?)\\s*(?:([kmgtp])(i?))?b?");
    private static final String PREFIXES = "kmgtp";
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    private ByteSizeText() {
    }

    /** Bytes, or empty when {@code text} is not of the accepted shape, not a whole number of bytes, or too large. */
    public static Optional<Long> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHAPE.matcher(t);
        if (t.isEmpty() || !m.matches() || (m.group(2) == null && t.endsWith("ib"))) {
            return Optional.empty();
        }
        boolean plain = m.group(2) == null;
        if (plain && m.group(1).contains(".")) {
            return Optional.empty();
        }
        BigDecimal scale = BigDecimal.ONE;
        if (!plain) {
            int power = PREFIXES.indexOf(m.group(2)) + 1;
            scale = m.group(3).isEmpty() ? BigDecimal.valueOf(1000).pow(power) : BigDecimal.valueOf(1024).pow(power);
        }
        try {
            return Optional.of(new BigDecimal(m.group(1)).multiply(scale).longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** {@code bytes} in the largest decimal unit that represents it exactly: {@code 50 GB}, {@code 1500 MB}. */
    public static String format(long bytes) {
        long scale = 1_000_000_000_000_000L;
        for (int i = UNITS.length - 1; i > 0; i--, scale /= 1000) {
            if (bytes != 0 && bytes % scale == 0) {
                return bytes / scale + " " + UNITS[i];
            }
        }
        return bytes + " " + UNITS[0];
    }
}
