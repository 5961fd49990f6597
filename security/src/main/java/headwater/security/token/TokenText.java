package headwater.security.token;

/** Lower-case hex of the token's fields, read and written without allocation. */
final class TokenText {

    static final char[] HEX = "0123456789abcdef".toCharArray();

    private TokenText() {
    }

    /** The value of a lower-case hex digit, or -1 (upper case is not a digit here). */
    static int nibble(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /** Whether {@code text[from, to)} is all lower-case hex digits. */
    static boolean isHex(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (nibble(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    static void appendHex(StringBuilder out, byte[] bytes, int count) {
        for (int i = 0; i < count; i++) {
            out.append(HEX[(bytes[i] >> 4) & 0xf]).append(HEX[bytes[i] & 0xf]);
        }
    }
}
