package headwater.domain.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validation rules shared by the catalogue's records. Each failure is an {@link InvalidValueException} that names
 * the entity, the field and what is wrong with the value; values are never trimmed or rewritten, only accepted or
 * refused, so what is stored is exactly what was given.
 */
public final class Check {

    /** Ids are stable keys used in URLs and APIs: ASCII letters, digits, '.', '_' and '-', starting alphanumeric. */
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_NAME_LENGTH = 200;
    /** Long enough for M3U source URLs with tokens, which exceed 2,000 characters in the wild. */
    public static final int MAX_URI_LENGTH = 8192;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Check() {
    }

    public static String id(String entity, String field, String value) {
        if (value == null) {
            throw new InvalidValueException(entity, field, "is missing");
        }
        if (value.isEmpty() || value.length() > MAX_ID_LENGTH) {
            throw new InvalidValueException(entity, field, quote(value) + " is " + value.length()
                    + " characters long: 1 to " + MAX_ID_LENGTH + " allowed");
        }
        if (!ID.matcher(value).matches()) {
            throw new InvalidValueException(entity, field, quote(value)
                    + " is not an id: it must start with a letter or digit and contain only ASCII letters, digits, '.', '_' and '-'");
        }
        return value;
    }

    /**
     * Free text shown to people: not blank, at most {@code max} characters, no control characters, and no payment
     * card number ({@link PaymentCardNumber}).
     */
    public static String text(String entity, String field, String value, int max) {
        if (value == null) {
            throw new InvalidValueException(entity, field, "is missing");
        }
        if (value.isBlank()) {
            throw new InvalidValueException(entity, field, "is blank");
        }
        return optionalText(entity, field, value, max);
    }

    /** Like {@link #text} but null is allowed (meaning "not set"). */
    public static String optionalText(String entity, String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidValueException(entity, field, "is " + value.length() + " characters long: at most " + max
                    + " allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidValueException(entity, field, "contains the control character U+"
                        + String.format("%04X", (int) c) + " at index " + i);
            }
            if (Character.isHighSurrogate(c) ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                throw new InvalidValueException(entity, field, "contains an unpaired UTF-16 surrogate at index " + i);
            }
        }
        if (PaymentCardNumber.appearsIn(value)) {
            throw new InvalidValueException(entity, field, "looks like it contains a payment card number: card numbers "
                    + "are never stored; payments are made on the gateway's own page");
        }
        return value;
    }

    public static int range(String entity, String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidValueException(entity, field, "is " + value + ": must be between " + min + " and " + max);
        }
        return value;
    }

    /** A stored version: versions start at 1. */
    public static long version(String entity, long version) {
        if (version < 1) {
            throw new InvalidValueException(entity, "version", "is " + version + ": stored versions start at 1");
        }
        return version;
    }

    /** An absolute URI whose scheme is one of {@code schemes} and whose text is at most {@link #MAX_URI_LENGTH}. */
    public static URI uri(String entity, String field, URI value, Set<String> schemes) {
        if (value == null) {
            throw new InvalidValueException(entity, field, "is missing");
        }
        String text = value.toString();
        if (text.length() > MAX_URI_LENGTH) {
            throw new InvalidValueException(entity, field, "is " + text.length() + " characters long: at most "
                    + MAX_URI_LENGTH + " allowed");
        }
        if (!value.isAbsolute() || value.isOpaque()) {
            throw new InvalidValueException(entity, field, quote(text) + " is not an absolute hierarchical URI such as "
                    + "http://host/path");
        }
        String scheme = value.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw new InvalidValueException(entity, field, quote(text) + " has the scheme " + quote(value.getScheme())
                    + ": allowed are " + schemes.stream().sorted().toList());
        }
        return value;
    }

    /** Parses the text form of a URI for {@code field}, naming the field and the position of a syntax error. */
    public static URI parseUri(String entity, String field, String text) {
        if (text == null) {
            throw new InvalidValueException(entity, field, "is missing");
        }
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidValueException(entity, field, quote(abbreviate(text)) + " is not a URI: " + e.getReason()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
    }

    /** Every element is an id, and none appears twice. */
    public static List<String> ids(String entity, String field, List<String> values, int max) {
        if (values == null) {
            throw new InvalidValueException(entity, field, "is missing");
        }
        if (values.size() > max) {
            throw new InvalidValueException(entity, field, "has " + values.size() + " entries: at most " + max + " allowed");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String id = id(entity, field + "[" + i + "]", values.get(i));
            if (!seen.add(id)) {
                throw new InvalidValueException(entity, field, "lists " + quote(id) + " twice");
            }
        }
        return List.copyOf(values);
    }

    static String quote(String value) {
        return "\"" + value + "\"";
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
