package headwater.media.hls;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An attribute-list (RFC 8216 §4.2): {@code NAME=VALUE} pairs separated by commas, where a value is a quoted string
 * (which may hold commas) or runs to the next comma. Quotes are removed from the values returned.
 */
final class AttributeList {
    private AttributeList() {}

    static Map<String, String> parse(String text, int line, String tag) throws PlaylistParseException {
        Map<String, String> attributes = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i == n) {
                break;
            }
            int eq = text.indexOf('=', i);
            int comma = text.indexOf(',', i);
            if (eq < 0 || (comma >= 0 && comma < eq)) {
                throw new PlaylistParseException(line, tag + " attribute '" + Excerpt.of(text.substring(i,
                        comma < 0 ? n : comma)) + "' has no value");
            }
            String name = text.substring(i, eq).strip();
            if (name.isEmpty()) {
                throw new PlaylistParseException(line, tag + " has an attribute without a name");
            }
            i = eq + 1;
            String value;
            if (i < n && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    throw new PlaylistParseException(line, tag + " attribute " + Excerpt.of(name)
                            + " has an unterminated quoted string");
                }
                value = text.substring(i + 1, close);
                i = close + 1;
                while (i < n && text.charAt(i) != ',') {
                    if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                        throw new PlaylistParseException(line, tag + " attribute " + Excerpt.of(name)
                                + " has text after its quoted string");
                    }
                    i++;
                }
            } else {
                int end = text.indexOf(',', i);
                end = end < 0 ? n : end;
                value = text.substring(i, end).strip();
                if (value.indexOf('"') >= 0) {
                    throw new PlaylistParseException(line, tag + " attribute " + Excerpt.of(name)
                            + " has a stray quote");
                }
                i = end;
            }
            attributes.put(name, value);
            if (i < n) {
                i++; // the comma
            }
        }
        return attributes;
    }
}
