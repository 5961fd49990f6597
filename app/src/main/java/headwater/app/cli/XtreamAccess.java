package headwater.app.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How a subscriber connects an IPTV app: the server address of an "Xtream Codes" login, and the playlist and guide
 * URLs, carrying either the username and password or a playlist token.
 *
 * @param server      the base URL, without a trailing slash ({@code http://tv.example.net:8080})
 * @param credentials the query parameters that log in: {@code username=…&password=…} or {@code token=…}
 */
record XtreamAccess(String server, String credentials) {

    static XtreamAccess password(URI base, String username, String password) {
        return new XtreamAccess(withoutSlash(base), "username=" + encode(username) + "&password=" + encode(password));
    }

    static XtreamAccess token(URI base, String token) {
        return new XtreamAccess(withoutSlash(base), "token=" + encode(token));
    }

    /** {@code get.php} as m3u_plus with HLS URLs: what most players open best. */
    String m3u() {
        return server + "/get.php?" + credentials + "&type=m3u_plus&output=m3u8";
    }

    /** {@code xmltv.php}: the guide of the subscriber's channels. */
    String xmltv() {
        return server + "/xmltv.php?" + credentials;
    }

    private static String withoutSlash(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "XtreamAccess[" + server + ", credentials=***]";
    }
}
