package headwater.domain.catalog.importing;

import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.Check;
import headwater.domain.m3u.Attribute;
import headwater.domain.m3u.PlaylistEntry;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The catalogue source of a playlist entry: its URL, with the HTTP request headers the playlist gives for it carried
 * in the URI's fragment, {@code https://cdn.example/live.m3u8#user-agent=VLC%2F3.0&referer=https%3A%2F%2Fx.example%2F}.
 *
 * <p>Why the fragment: a channel's sources are URIs (catalogue, API, headend config), and the headend already reads
 * a source's options from its fragment ({@code ffmpeg:…#f=mpegts&re}). A fragment is never sent to the server
 * (RFC 3986 §3.5), so the URL fetched is exactly the playlist's, and the headers survive every place a URI goes.
 * Headers come from, in order of precedence: the URL's {@code |name=value&...} suffix; {@code #EXTVLCOPT}
 * {@code http-user-agent} and {@code http-referrer}; {@code #KODIPROP} {@code inputstream.adaptive.stream_headers}
 * and {@code manifest_headers}. Names are lower-cased (HTTP names ignore case); names and values are
 * percent-encoded (UTF-8) except for unreserved characters. Only http and https sources carry headers (the headend
 * turns rtmp, rtsp and srt sources into {@code ffmpeg:} inputs, whose fragment holds ffmpeg options).
 *
 * <p>Characters a URI cannot hold but players accept in playlists (spaces, {@code "<>\^`{}}, brackets after the
 * host, a {@code %} not followed by two hex digits) are percent-encoded; nothing else is rewritten.
 */
final class SourceUri {

    private static final List<String> KODI_HEADER_PROPERTIES = List.of("inputstream.adaptive.stream_headers",
            "inputstream.adaptive.manifest_headers");
    private static final String HEX = "0123456789ABCDEF";
    /** Players read a URL ending in this fragment as HLS whatever its path; app's CatalogueSources does too. */
    private static final String HLS_HINT = ".m3u8";
    private static final int MAX_HEADERS = 32;
    private static final int MAX_HEADER_NAME = 64;
    private static final int MAX_HEADER_VALUE = 4096;
    private static final String TCHAR = "!#$%&'*+-.^_`|~";
    private static final Set<String> CLIENT_OWNED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection", "http2-settings");

    private SourceUri() {
    }

    /** The source, or null after telling {@code problem} why the entry's URL cannot be one. */
    static URI of(PlaylistEntry entry, Consumer<String> problem) {
        String url = lenient(entry.url());
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        Map<String, String> headers = headers(entry);
        String fragment = hash < 0 ? null : url.substring(hash + 1);
        boolean http = base.regionMatches(true, 0, "http://", 0, 7) || base.regionMatches(true, 0, "https://", 0, 8);
        if (!headers.isEmpty() && !http) {
            // Request headers mean nothing to udp or rtmp, and the headend reads an ffmpeg input's fragment as options.
            problem.accept("the HTTP headers " + headers.keySet() + " are not kept: the URL is not http or https");
            headers = Map.of();
        }
        headers = sendable(headers, problem);
        if (http && headers.isEmpty() && fragment != null && !fragment.isEmpty()
                && !fragment.equalsIgnoreCase(HLS_HINT)
                && !sendable(headersOf(fragment), ignored -> { }).equals(headersOf(fragment))) {
            // The headend reads an http(s) source's fragment as request headers and refuses one that is not; only
            // the players' "#.m3u8" (this script serves HLS) means something else, and the catalogue keeps it.
            problem.accept("the URL's fragment '#" + abbreviate(fragment) + "' is dropped: it is not a list of HTTP "
                    + "headers, and a fragment is never sent to the server");
            fragment = null;
        }
        if (!headers.isEmpty()) {
            if (fragment != null && !fragment.isEmpty()) {
                problem.accept("the URL's fragment '#" + abbreviate(fragment) + "' is replaced by its HTTP headers "
                        + headers.keySet() + " (a fragment is never sent to the server)");
            }
            fragment = fragment(headers);
        }
        String text = fragment == null ? base : base + "#" + fragment;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            problem.accept("the URL '" + abbreviate(entry.url()) + "' is not a URI (" + e.getReason() + "); the channel is imported disabled, without a source");
            return null;
        }
        if (text.length() > Check.MAX_URI_LENGTH) {
            problem.accept("the URL is " + text.length() + " characters long with its headers: at most "
                    + Check.MAX_URI_LENGTH + " allowed; the channel is imported disabled, without a source");
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || uri.isOpaque()) {
            problem.accept("the URL '" + abbreviate(entry.url()) + "' is not an absolute URL such as "
                    + "http://host/path; the channel is imported disabled, without a source");
            return null;
        }
        if (!ChannelDraft.SOURCE_SCHEMES.contains(scheme)) {
            problem.accept("the URL's scheme '" + uri.getScheme() + "' is not one the headend reads "
                    + ChannelDraft.SOURCE_SCHEMES.stream().sorted().toList() + "; the channel is imported disabled, without a source");
            return null;
        }
        return uri;
    }

    /** The request headers of the entry, lower-case names, in precedence order (the first of a name wins). */
    static Map<String, String> headers(PlaylistEntry entry) {
        var headers = new LinkedHashMap<String, String>();
        for (Attribute header : entry.httpHeaders().list()) {
            headers.putIfAbsent(header.name().toLowerCase(Locale.ROOT), header.value());
        }
        entry.vlcOptions().text("http-user-agent").ifPresent(agent -> headers.putIfAbsent("user-agent", agent));
        entry.vlcOptions().text("http-referrer").or(() -> entry.vlcOptions().text("http-referer"))
                .ifPresent(referrer -> headers.putIfAbsent("referer", referrer));
        for (String property : KODI_HEADER_PROPERTIES) {
            entry.kodiProperties().text(property).ifPresent(list -> {
                for (String pair : list.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        headers.putIfAbsent(decode(pair.substring(0, eq)).strip().toLowerCase(Locale.ROOT),
                                decode(pair.substring(eq + 1)).strip());
                    }
                }
            });
        }
        return headers;
    }

    /** Reads the headers back from a source's fragment (what the headend would send). */
    static Map<String, String> headersOf(URI source) {
        return headersOf(source.getRawFragment());
    }

    private static Map<String, String> headersOf(String rawFragment) {
        var headers = new LinkedHashMap<String, String>();
        if (rawFragment == null || rawFragment.isEmpty()) {
            return headers;
        }
        for (String pair : rawFragment.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                headers.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            } else if (!pair.isEmpty()) {
                headers.put(decode(pair), "");
            }
        }
        return headers;
    }

    /**
     * The headers the headend will send (headwater.headend.source.RequestHeaders has the same rules): an RFC 9110
     * token of at most 64 characters as the name, not one the HTTP client sets itself; a value of 1 to 4,096
     * printable ASCII characters, no white space at the ends; at most 32 headers. Each other one is dropped and
     * reported, so that one odd header does not keep the whole channel from starting.
     */
    static Map<String, String> sendable(Map<String, String> headers, Consumer<String> problem) {
        var kept = new LinkedHashMap<String, String>();
        headers.forEach((name, value) -> {
            String why = !isToken(name) ? "its name is not an HTTP token of at most " + MAX_HEADER_NAME + " characters"
                    : CLIENT_OWNED.contains(name) ? "the HTTP client sets it itself"
                    : !isHeaderValue(value) ? "its value is not 1 to " + MAX_HEADER_VALUE
                            + " printable ASCII characters without white space at the ends"
                    : kept.size() == MAX_HEADERS ? "a source sends at most " + MAX_HEADERS + " headers"
                    : null;
            if (why == null) {
                kept.put(name, value);
            } else {
                problem.accept("the HTTP header '" + abbreviate(name) + "' is not kept: " + why);
            }
        });
        return kept;
    }

    private static boolean isToken(String name) {
        if (name.isEmpty() || name.length() > MAX_HEADER_NAME) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || TCHAR.indexOf(c) >= 0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHeaderValue(String value) {
        if (value.isEmpty() || value.length() > MAX_HEADER_VALUE || Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1))) {
            return false;
        }
        return value.chars().allMatch(c -> c == '\t' || c >= 0x20 && c <= 0x7e);
    }

    private static String fragment(Map<String, String> headers) {
        var out = new StringBuilder();
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
                out.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
            }
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return text;
        }
    }

    /** The URL with the ASCII characters a URI cannot hold percent-encoded (brackets only after the host). */
    static String lenient(String url) {
        int scheme = url.indexOf("://");
        int pathStart = url.length();
        if (scheme > 0) {
            pathStart = url.length();
            for (int i = scheme + 3; i < url.length(); i++) {
                char c = url.charAt(i);
                if (c == '/' || c == '?' || c == '#') {
                    pathStart = i;
                    break;
                }
            }
        }
        StringBuilder out = null;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean bad = c == ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '}' || c == '|'
                    || (c == '[' || c == ']') && i >= pathStart
                    || c == '%' && !(i + 2 < url.length() && hex(url.charAt(i + 1)) && hex(url.charAt(i + 2)));
            if (bad && out == null) {
                out = new StringBuilder(url.length() + 16).append(url, 0, i);
            }
            if (out != null) {
                if (bad) {
                    out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? url : out.toString();
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
