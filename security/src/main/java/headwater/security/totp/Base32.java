package headwater.security.totp;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Base32 of RFC 4648 §6 (alphabet {@code A-Z2-7}), the encoding of TOTP keys in authenticator apps. Encoding writes
 * upper case without padding, as the Key Uri Format wants; decoding, for a key typed by a person, ignores case, spaces,
 * hyphens and trailing {@code =} padding, and refuses anything else.
 */
public final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    /** Longer text than this is refused unread: a TOTP key is 32 characters, 1024 is generous. */
    public static final int MAX_TEXT_LENGTH = 1024;

    private Base32() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = buffer << 8 | b & 0xff;
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt(buffer >>> bits - 5 & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt(buffer << 5 - bits & 31));
        }
        return out.toString();
    }

    /**
     * @throws IllegalArgumentException the text is too long, has a character outside the alphabet (named by position,
     *                                  never quoted: it may be a secret), or leftover bits that are not zero
     */
    public static byte[] decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("the Base32 text is missing");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("the Base32 text is " + text.length() + " characters long: at most "
                    + MAX_TEXT_LENGTH);
        }
        String upper = text.toUpperCase(Locale.ROOT);
        int end = upper.length();
        while (end > 0 && upper.charAt(end - 1) == '=') {
            end--;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(end * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < end; i++) {
            char c = upper.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("the Base32 text has a character outside A-Z and 2-7 at position "
                        + (i + 1));
            }
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8) {
                out.write(buffer >>> bits - 8 & 0xff);
                bits -= 8;
            }
        }
        if (bits >= 5 || (buffer & (1 << bits) - 1) != 0) {
            throw new IllegalArgumentException("the Base32 text does not end on a whole byte: a character is missing "
                    + "or one too many");
        }
        return out.toByteArray();
    }
}
