package headwater.domain.catalog;

/**
 * Recognises a payment card number inside free text: 13 to 19 digits, optionally grouped by single spaces or dashes,
 * that pass the Luhn check (ISO/IEC 7812). Card numbers must never be stored or logged, and the card form is the
 * gateway's; a subscriber or operator who types one into a name or a note gets a refusal that does not repeat it.
 */
public final class PaymentCardNumber {

    static final int MIN_DIGITS = 13;
    static final int MAX_DIGITS = 19;
    /** Not ':' either: generated references such as {@code credits:r1:1763760000123} are not typed cards. */
    private static final String SEPARATORS = " \t\n\r,;()[]{}\"'<>!";

    private PaymentCardNumber() {
    }

    /** Whether {@code text} contains something that is probably a card number. */
    public static boolean appearsIn(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            StringBuilder digits = new StringBuilder();
            int j = i;
            while (j < n) {
                char c = text.charAt(j);
                if (isDigit(c)) {
                    digits.append(c);
                    j++;
                } else if ((c == ' ' || c == '-') && j + 1 < n && isDigit(text.charAt(j + 1)) && !digits.isEmpty()) {
                    j++;
                } else {
                    break;
                }
            }
            if (bounded(text, i, j) && containsCard(digits)) {
                return true;
            }
            i = j;
        }
        return false;
    }

    /**
     * A number typed as a card stands apart: at the start or end of the text, or next to a space or punctuation. Digits
     * inside a word, a path, a file name or a URL ({@code junit1234...}, {@code /tmp/4111...}, {@code a.4111...}) are
     * not read as a card, so that generated names and locations are never refused by chance.
     */
    private static boolean bounded(String text, int start, int end) {
        return (start == 0 || SEPARATORS.indexOf(text.charAt(start - 1)) >= 0)
                && (end >= text.length() || SEPARATORS.indexOf(text.charAt(end)) >= 0);
    }

    /** A whole run of 13 to 19 digits: windows inside longer runs would find "cards" in every long number. */
    private static boolean containsCard(CharSequence digits) {
        return digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS && luhn(digits, 0, digits.length());
    }

    private static boolean luhn(CharSequence digits, int start, int length) {
        int sum = 0;
        boolean twice = false;
        for (int k = start + length - 1; k >= start; k--) {
            int d = digits.charAt(k) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0 && !allSame(digits, start, length);
    }

    /** 0000 0000 0000 0000 passes Luhn but is a placeholder, not a card. */
    private static boolean allSame(CharSequence digits, int start, int length) {
        for (int k = start + 1; k < start + length; k++) {
            if (digits.charAt(k) != digits.charAt(start)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
