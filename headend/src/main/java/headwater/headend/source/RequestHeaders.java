package headwater.headend.source;

import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP request headers of an http(s) or hls source, carried in its URI fragment (which is never sent):
 * {@code https://cdn.example/live.m3u8#user-agent=VLC%2F3.0&referer=https%3A%2F%2Fx.example%2F}. This is the form
 * the M3U import writes for a playlist's {@code |user-agent=…} suffix, {@code #EXTVLCOPT} and {@code #KODIPROP}.
 *
 * <p>Format: {@code name=value} pairs joined by {@code &}; name and value are percent-decoded as UTF-8 ({@code +} is
 * a plus, not a space; empty pairs are skipped). A name is an RFC 9110 token, compared without case and sent
 * lower-case; it may appear once. A value is non-empty printable ASCII (space and tab allowed inside); CR, LF and NUL
 * are refused as header injection. At most {@value #MAX_HEADERS} headers, names of at most {@value #MAX_NAME}
 * characters, values of at most {@value #MAX_VALUE}. The headers the HTTP client owns (host, connection,
 * content-length, …) are refused. Anything else is an {@link InvalidSourceException} naming the source and the key.
 *
 * <p>Where they go: {@code user-agent} replaces the default User-Agent on every request of the source. The
 * credentials ({@code authorization}, {@code cookie}, {@code proxy-authorization}) go only to the origin of the
 * source URI, like the user info; every other header also goes to the variants and segments of an HLS source on
 * other origins (CDNs check the Referer as players send it). On a redirect the JDK client re-sends the headers to the
 * same origin; to another origin it drops Authorization, Cookie, Origin and Referer and keeps the rest.
 */
public final class RequestHeaders {
    public static final int MAX_HEADERS = 32;
    public static final int MAX_NAME = 64;
    public static final int MAX_VALUE = 4096;
    public static final RequestHeaders NONE = new RequestHeaders(Map.of());

    /** Set by the HTTP client itself: a source may not give them. */
    private static final Set<String> CLIENT_OWNED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection", "http2-settings");
    /** Sent only to the origin of the source URI. */
    private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization");
    private static final String TCHAR = "!#$%&'*+-.^_`|~";

    private final Map<String, String> headers;

    private RequestHeaders(Map<String, String> headers) {
        this.headers = Collections.unmodifiableMap(headers);
    }

    /**
     * Parses a raw (still percent-encoded) fragment; null or empty gives {@link #NONE}.
     *
     * @param source the "source 'x' of channel y" prefix of messages
     * @throws InvalidSourceException naming the offending key when the fragment is not a valid header list
     */
    public static RequestHeaders parse(String rawFragment, String source) {
        if (rawFragment == null || rawFragment.isEmpty()) {
            return NONE;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int start = 0;
        while (start <= rawFragment.length()) {
            int amp = rawFragment.indexOf('&', start);
            int end = amp < 0 ? rawFragment.length() : amp;
            if (end > start) {
                add(rawFragment.substring(start, end), headers, source);
            }
            start = end + 1;
        }
        return headers.isEmpty() ? NONE : new RequestHeaders(headers);
    }

    private static void add(String pair, Map<String, String> headers, String source) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
            throw new InvalidSourceException(source + " has '" + abbreviate(printable(decode(pair, pair, source)))
                    + "' in its fragment: expected request headers as name=value pairs joined by '&'");
        }
        String name = decode(pair.substring(0, eq), pair, source).toLowerCase(Locale.ROOT);
        String value = decode(pair.substring(eq + 1), pair, source);
        if (name.isEmpty() || name.length() > MAX_NAME || !isToken(name)) {
            throw new InvalidSourceException(source + " has header name '" + abbreviate(printable(name))
                    + "' in its fragment: expected an HTTP token of at most " + MAX_NAME + " characters "
                    + "(letters, digits and " + TCHAR + ")");
        }
        if (CLIENT_OWNED.contains(name)) {
            throw new InvalidSourceException(source + " has header '" + name
                    + "' in its fragment: the HTTP client sets it, a source may not");
        }
        checkValue(name, value, source);
        if (headers.containsKey(name)) {
            throw new InvalidSourceException(source + " repeats header '" + name + "' in its fragment");
        }
        if (headers.size() == MAX_HEADERS) {
            throw new InvalidSourceException(source + " has more than " + MAX_HEADERS + " headers in its fragment");
        }
        headers.put(name, value);
    }

    /**
     * Refuses a value that could not be one header line: empty, too long, CR/LF/NUL (header injection), or other
     * characters than printable ASCII, space and tab.
     */
    static void checkValue(String name, String value, String source) {
        if (value.isEmpty()) {
            throw new InvalidSourceException(source + " has header '" + name
                    + "' with an empty value: give a value or leave the header out");
        }
        if (value.length() > MAX_VALUE) {
            throw new InvalidSourceException(source + " has header '" + name + "' with a value of " + value.length()
                    + " characters: at most " + MAX_VALUE);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new InvalidSourceException(source + " has header '" + name + "' whose value holds "
                        + (c == 0 ? "NUL" : c == '\r' ? "CR" : "LF") + " at index " + i
                        + ": refused (header injection)");
            }
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                throw new InvalidSourceException(source + " has header '" + name + "' whose value holds "
                        + String.format("U+%04X", (int) c) + " at index " + i
                        + ": only printable ASCII, space and tab are sent");
            }
        }
        if (value.charAt(0) == ' ' || value.charAt(0) == '\t'
                || value.charAt(value.length() - 1) == ' ' || value.charAt(value.length() - 1) == '\t') {
            throw new InvalidSourceException(source + " has header '" + name
                    + "' whose value starts or ends with white space");
        }
    }

    private static boolean isToken(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || TCHAR.indexOf(c) >= 0);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String decode(String text, String pair, String source) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceException(source + " has '" + abbreviate(printable(pair))
                    + "' in its fragment, which is not percent-encoded correctly: " + printable(e.getMessage()));
        }
    }

    /** For messages: control characters shown as U+XXXX, never echoed raw into a log line. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("U+%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** The headers by lower-case name, in the order of the fragment. */
    public Map<String, String> asMap() {
        return headers;
    }

    public boolean isEmpty() {
        return headers.isEmpty();
    }

    /** The User-Agent to send: the fragment's, or {@code fallback}. */
    public String userAgent(String fallback) {
        return headers.getOrDefault("user-agent", fallback);
    }

    /** A header's value, or null. */
    public String get(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Adds the headers (but user-agent, which the caller sets) to a request: all of them to the source's origin, all
     * but the credentials elsewhere.
     */
    void addTo(HttpRequest.Builder request, boolean sameOrigin) {
        headers.forEach((name, value) -> {
            if (!name.equals("user-agent") && (sameOrigin || !CREDENTIALS.contains(name))) {
                request.header(name, value);
            }
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestHeaders other && headers.equals(other.headers);
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }

    /** The header names only: values may be credentials, and this may end up in a log. */
    @Override
    public String toString() {
        return "request headers " + headers.keySet();
    }

    /** The fragment form, percent-encoded as the M3U import writes it (unreserved characters kept). */
    public String fragment() {
        StringBuilder out = new StringBuilder();
        headers.forEach((name, value) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            encode(name, out);
            out.append('=');
            encode(value, out);
        });
        return out.toString();
    }

    private static void encode(String text, StringBuilder out) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                out.append(c);
            } else {
                out.append('%').append("0123456789ABCDEF".charAt((b >> 4) & 0xf))
                        .append("0123456789ABCDEF".charAt(b & 0xf));
            }
        }
    }
}
