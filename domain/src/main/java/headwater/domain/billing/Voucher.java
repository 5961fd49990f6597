package headwater.domain.billing;

import headwater.domain.catalog.InvalidValueException;
import headwater.domain.subscriber.Money;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A single-use code with a value, sold for cash by an operator or reseller and redeemed by a subscriber.
 *
 * @param code       16 characters of an alphabet without look-alikes, shown in groups of four: about 80 bits
 * @param redeemedBy the subscriber who redeemed it, or null while unused
 */
public record Voucher(String code, Money value, Instant created, Instant expires, String redeemedBy,
                      Instant redeemedAt) {

    /** No 0/O, 1/I/L, 5/S, 2/Z: codes are read aloud and typed on remote controls. */
    static final String ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789";
    private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public Voucher {
        code = normalise(code);
        Objects.requireNonNull(value, "value");
        if (value.minorUnits() <= 0) {
            throw new InvalidValueException("voucher", "value", "is " + value + ": a voucher is worth something");
        }
        Objects.requireNonNull(created, "created");
        if (expires != null && !expires.isAfter(created)) {
            throw new InvalidValueException("voucher", "expires", "is " + expires + ": not after " + created);
        }
        if ((redeemedBy == null) != (redeemedAt == null)) {
            throw new InvalidValueException("voucher", "redeemedAt", "and redeemedBy go together");
        }
    }

    /** A fresh code. */
    public static String newCode() {
        StringBuilder code = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code as stored: capitals, without the spaces and dashes people type.
     *
     * @throws InvalidValueException it cannot be a voucher code
     */
    public static String normalise(String typed) {
        String code = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidValueException("voucher", "code", "is not a voucher code: 16 letters and digits");
        }
        return code;
    }

    /** "ABCD-EFGH-JKMN-PQRT". */
    public String display() {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
                + code.substring(12);
    }

    public boolean redeemable(Instant now) {
        return redeemedAt == null && (expires == null || now.isBefore(expires));
    }

    /** Only the first four characters: a voucher code is money and never goes whole into a log. */
    @Override
    public String toString() {
        return "Voucher[" + code.substring(0, 4) + "…, " + value + (redeemedAt == null ? "" : ", redeemed") + "]";
    }
}
