package headwater.domain.epg;

/**
 * The characters a value keeps so that writing it as XML 1.0 and reading it back gives it unchanged: no characters
 * XML 1.0 cannot carry (control characters, lone surrogates; an XML 1.1 guide can hold them as {@code &#1;}), no
 * carriage return (a parser turns a written one into a line feed), and in attributes no tab or line feed (a parser
 * turns written ones into spaces). The reader and the writer both apply it.
 */
final class XmlCharacters {
    private XmlCharacters() {
    }

    static String text(String s) {
        return clean(s, false);
    }

    static String attribute(String s) {
        return clean(s, true);
    }

    private static String clean(String s, boolean attribute) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            char replacement;
            if (c == '\r') {
                replacement = attribute ? ' ' : '\n';
            } else if (c == '\t' || c == '\n') {
                replacement = attribute ? ' ' : c;
            } else if (c >= 0x20 && c <= 0xd7ff || c >= 0xe000 && c <= 0xfffd) {
                replacement = c;
            } else {
                replacement = 0;
            }
            if (replacement == c && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (replacement != 0) {
                out.append(replacement);
            }
        }
        return out == null ? s : out.toString();
    }
}
