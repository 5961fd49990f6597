package headwater.delivery;

/**
 * The answer to a {@code Range} request header against a representation of known size (RFC 9110 §14).
 *
 * <p>Only a single {@code bytes} range is honoured. A header this server cannot or need not honour (other units,
 * several ranges, bad syntax) is ignored and the whole representation is sent, which RFC 9110 §14.2 permits.
 */
sealed interface ByteRange {

    /** Send the whole representation with 200. */
    record Whole() implements ByteRange {}

    /** Send bytes {@code first..last} (inclusive) with 206 and {@code Content-Range}. */
    record Partial(long first, long last) implements ByteRange {
        long length() {
            return last - first + 1;
        }
    }

    /** Nothing of the representation matches: 416 with {@code Content-Range: bytes *}{@code /size}. */
    record Unsatisfiable() implements ByteRange {}

    ByteRange WHOLE = new Whole();
    ByteRange UNSATISFIABLE = new Unsatisfiable();

    /**
     * @param header the {@code Range} header value, or null when absent
     * @param size   the representation's length in bytes
     */
    static ByteRange of(String header, long size) {
        if (header == null || header.length() > 200) {
            return WHOLE;
        }
        String spec = header.strip();
        if (spec.length() < 7 || !spec.regionMatches(true, 0, "bytes=", 0, 6)) {
            return WHOLE;
        }
        int from = 6;
        int to = spec.length();
        while (from < to && isWhitespace(spec.charAt(from))) {
            from++;
        }
        if (spec.indexOf(',', from) >= 0) {
            return WHOLE; // several ranges: not worth a multipart/byteranges body for media
        }
        int dash = spec.indexOf('-', from);
        if (dash < 0) {
            return WHOLE;
        }
        long first = digits(spec, from, dash);
        long last = digits(spec, dash + 1, to);
        if (dash == from) {
            // suffix range: the last N bytes
            if (last < 0) {
                return WHOLE;
            }
            if (last == 0 || size == 0) {
                return UNSATISFIABLE;
            }
            return new Partial(Math.max(0, size - last), size - 1);
        }
        if (first < 0) {
            return WHOLE;
        }
        if (dash + 1 == to) {
            last = Long.MAX_VALUE; // open-ended
        } else if (last < 0 || last < first) {
            return WHOLE;
        }
        if (first >= size) {
            return UNSATISFIABLE;
        }
        return new Partial(first, Math.min(last, size - 1));
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    /** @return the non-negative decimal in {@code s[from, to)}, or -1 when empty, not digits or too large */
    private static long digits(String s, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
