package headwater.domain.m3u;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The Kodi-style HTTP headers after a URL's {@code |}: {@code user-agent=VLC%2F3.0&referer=https://x/}. Names and
 * values are percent-decoded when that gives valid UTF-8 without control characters (otherwise kept as written);
 * {@link #format} encodes exactly what would break the line or the list, so the pairs read back the same.
 */
final class HeaderSuffix {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HeaderSuffix() {
    }

    static Attributes parse(String suffix, Consumer<String> warn) {
        var headers = new AttributesCollector("HTTP header");
        for (String item : suffix.split("&", -1)) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                warn.accept("'" + item + "' after '|' is not name=value and is ignored");
                continue;
            }
            headers.add(decode(item.substring(0, eq)), decode(item.substring(eq + 1)), warn);
        }
        return headers.build();
    }

    static String format(Attributes headers) {
        var out = new StringBuilder();
        for (Attribute header : headers.list()) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            encode(header.name(), out);
            out.append('=');
            encode(header.value(), out);
        }
        return out.toString();
    }

    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        var bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high >= 0 && low >= 0) {
                    bytes.write(high << 4 | low);
                    i += 3;
                    continue;
                }
            }
            int codePoint = text.codePointAt(i);
            bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
            i += Character.charCount(codePoint);
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return text;
        }
        for (int i = 0; i < decoded.length(); i++) {
            if (Character.isISOControl(decoded.charAt(i))) {
                return text;
            }
        }
        return decoded;
    }

    private static void encode(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (needsEncoding(codePoint)) {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            } else {
                out.appendCodePoint(codePoint);
            }
        }
    }

    private static boolean needsEncoding(int codePoint) {
        return codePoint == '%' || codePoint == '&' || codePoint == '=' || codePoint == '|' || codePoint == '#'
                || codePoint <= ' ' || Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint) || Character.getType(codePoint) == Character.SURROGATE;
    }
}
