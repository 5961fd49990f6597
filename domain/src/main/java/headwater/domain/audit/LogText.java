package headwater.domain.audit;

/**
 * Text made safe for a log line: CR, LF and every other control character (C0, DEL, C1, and the Unicode line and
 * paragraph separators) written as {@code \r}, {@code \n}, {@code \t} or a backslash, {@code u} and four hex
 * digits, and the backslash doubled, so a logged value can neither start a forged line nor be mistaken for an
 * escape. Reversible; ASCII-printable text without backslashes is returned as is.
 */
public final class LogText {

    private LogText() {
    }

    /** The escaped text; {@code null} stays {@code null}. */
    public static String escape(String text) {
        return escape(text, true);
    }

    /**
     * As {@link #escape(String)}, but a backslash stays as it is: for JSON, whose strings escape with backslashes
     * already (a JSON document stays valid as long as its control characters were inside strings, where JSON forbids
     * them raw).
     */
    public static String escapeControls(String text) {
        return escape(text, false);
    }

    private static String escape(String text, boolean backslash) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !needsEscape(text.charAt(i), backslash)) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append(backslash ? "\\\\" : "\\");
                default -> {
                    if (needsEscape(c, backslash)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(char c, boolean backslash) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || (backslash && c == '\\');
    }
}
