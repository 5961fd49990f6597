package headwater.domain.m3u;

import java.util.function.Consumer;

/**
 * Reads {@code name="value" name='value' name=value} pairs from an {@code #EXTM3U} or {@code #EXTINF} line, as players
 * do: pairs are separated by spaces; a quoted value may hold spaces, commas and {@code =}; an unquoted value runs to
 * the next space (and, on an {@code #EXTINF} line, to the comma that starts the title). A quote that never closes
 * takes the text up to the line's last comma, so the title survives. Names are runs of anything but space,
 * {@code =}, comma and quotes. What cannot be read is reported and passed over.
 */
final class AttributeScanner {

    /** Where the scan stopped: the index of the comma that ends an {@code #EXTINF}'s attributes, or -1 if none. */
    record Stop(int comma) {
    }

    private AttributeScanner() {
    }

    /**
     * Scans {@code text} from {@code from} into {@code sink}.
     *
     * @param commaEnds {@code true} on an {@code #EXTINF} line: a comma outside quotes ends the attributes
     */
    static Stop scan(String text, int from, boolean commaEnds, AttributesCollector sink, Consumer<String> warn) {
        int n = text.length();
        int i = from;
        while (true) {
            i = skipSpaces(text, i);
            if (i >= n) {
                return new Stop(-1);
            }
            char c = text.charAt(i);
            if (c == ',') {
                if (commaEnds) {
                    return new Stop(i);
                }
                warn.accept("stray ',' at column " + (i + 1) + " ignored");
                i++;
                continue;
            }
            if (c == '"' || c == '\'') {
                int close = text.indexOf(c, i + 1);
                warn.accept("quoted text without a name at column " + (i + 1) + " ignored");
                i = close < 0 ? n : close + 1;
                continue;
            }
            if (c == '=') {
                warn.accept("'=' without a name at column " + (i + 1) + " ignored");
                i++;
                continue;
            }
            int start = i;
            while (i < n && !isNameEnd(text.charAt(i))) {
                i++;
            }
            String name = text.substring(start, i);
            int j = skipSpaces(text, i);
            if (j >= n || text.charAt(j) != '=') {
                warn.accept("attribute '" + name + "' has no value and is ignored");
                continue;
            }
            i = skipSpaces(text, j + 1);
            if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
                char quote = text.charAt(i);
                int close = text.indexOf(quote, i + 1);
                if (close >= 0) {
                    sink.add(name, text.substring(i + 1, close), warn);
                    i = close + 1;
                    continue;
                }
                int lastComma = commaEnds ? text.lastIndexOf(',') : -1;
                warn.accept("the quote opened at column " + (i + 1) + " for '" + name + "' never closes; "
                        + (lastComma > i ? "the value runs to the last comma" : "the value runs to the end of the line"));
                if (lastComma > i) {
                    sink.add(name, text.substring(i + 1, lastComma), warn);
                    return new Stop(lastComma);
                }
                sink.add(name, text.substring(i + 1), warn);
                return new Stop(-1);
            }
            start = i;
            while (i < n && text.charAt(i) != ' ' && !(commaEnds && text.charAt(i) == ',')) {
                i++;
            }
            sink.add(name, text.substring(start, i), warn);
        }
    }

    private static boolean isNameEnd(char c) {
        return c == ' ' || c == '=' || c == ',' || c == '"' || c == '\'';
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
