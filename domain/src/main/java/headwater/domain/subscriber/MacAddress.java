package headwater.domain.subscriber;

import headwater.domain.catalog.InvalidValueException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A 48-bit hardware (MAC) address in the normalised form {@code AA:BB:CC:DD:EE:FF}: upper-case hex pairs separated
 * by colons, so that the same box is one key however it was typed.
 */
public record MacAddress(String value) {

    public MacAddress {
        value = normalise("device", "mac", value);
    }

    /**
     * Reads a MAC address written as {@code aa:bb:cc:dd:ee:ff}, {@code AA-BB-CC-DD-EE-FF}, {@code aabb.ccdd.eeff}
     * (Cisco) or {@code aabbccddeeff}, in either case.
     *
     * @throws InvalidValueException naming the rule the text breaks
     */
    public static MacAddress parse(String text) {
        return new MacAddress(text);
    }

    /** The six bytes. */
    public byte[] bytes() {
        return HexFormat.ofDelimiter(":").parseHex(value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normalise(String entity, String field, String text) {
        if (text == null) {
            throw new InvalidValueException(entity, field, "is missing");
        }
        String quoted = "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
        if (text.length() > 17) {
            throw new InvalidValueException(entity, field, quoted + " is " + text.length()
                    + " characters long: a MAC address has at most 17 (AA:BB:CC:DD:EE:FF)");
        }
        String hex = digits(text);
        if (hex == null) {
            throw new InvalidValueException(entity, field, quoted + " is not a MAC address: write six hex pairs such "
                    + "as AA:BB:CC:DD:EE:FF, AA-BB-CC-DD-EE-FF, aabb.ccdd.eeff or aabbccddeeff");
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0 || hex.charAt(i) > 'f') {
                throw new InvalidValueException(entity, field, quoted + " is not a MAC address: '" + hex.charAt(i)
                        + "' is not a hex digit");
            }
        }
        String upper = hex.toUpperCase(Locale.ROOT);
        if (upper.equals("000000000000")) {
            throw new InvalidValueException(entity, field, quoted + " is the all-zero address, which no device has");
        }
        if (upper.equals("FFFFFFFFFFFF")) {
            throw new InvalidValueException(entity, field, quoted + " is the broadcast address, which no device has");
        }
        if ((Character.digit(upper.charAt(1), 16) & 1) != 0) {
            throw new InvalidValueException(entity, field, quoted + " is a multicast (group) address, which no "
                    + "device has: the lowest bit of its first byte is set");
        }
        StringBuilder normal = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                normal.append(':');
            }
            normal.append(upper, i, i + 2);
        }
        return normal.toString();
    }

    /** The 12 hex characters of one of the accepted layouts, or null when the layout is none of them. */
    private static String digits(String text) {
        if (text.length() == 12) {
            return text;
        }
        if (text.length() == 14 && text.charAt(4) == '.' && text.charAt(9) == '.') {
            return text.substring(0, 4) + text.substring(5, 9) + text.substring(10);
        }
        if (text.length() == 17) {
            char separator = text.charAt(2);
            if (separator != ':' && separator != '-') {
                return null;
            }
            StringBuilder hex = new StringBuilder(12);
            for (int i = 0; i < 17; i++) {
                if (i % 3 == 2) {
                    if (text.charAt(i) != separator) {
                        return null;
                    }
                } else {
                    hex.append(text.charAt(i));
                }
            }
            return hex.toString();
        }
        return null;
    }
}
