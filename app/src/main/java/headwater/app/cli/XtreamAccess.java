package headwater.app.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How a subscriber connects an IPTV app: the server address, username and password an "Xtream Codes" login asks
 * for, and the playlist and guide URLs that carry the same credentials.
 *
 * @param server the base URL, without a trailing slash ({@code http://tv.example.net:8080})
 */
record XtreamAccess(String server, String username, String password) {

    static XtreamAccess of(URI base, String username, String password) {
        String text = base.toString();
        return new XtreamAccess(text.endsWith("/") ? text.substring(0, text.length() - 1) : text, username, password);
    }

    /** {@code get.php} as m3u_plus with HLS URLs: what most players open best. */
    String m3u() {
        return server + "/get.php?" + credentials() + "&type=m3u_plus&output=m3u8";
    }

    /** {@code xmltv.php}: the guide of the subscriber's channels. */
    String xmltv() {
        return server + "/xmltv.php?" + credentials();
    }

    private String credentials() {
        return "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "XtreamAccess[" + server + ", " + username + ", password=***]";
    }
}
