package headwater.api.xtream;

import java.net.URI;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How this server presents itself to Xtream apps: {@code server_info}, and the base of every URL we hand out.
 *
 * @param publicUrl  the base URL players reach us at, e.g. {@code http://tv.example.net:25461} (no path); the host
 *                   and port of {@code server_info} come from it, and so do the URLs in {@code get.php}
 * @param httpsPort  the HTTPS port announced, or 0 when none
 * @param timeZone   the zone in which EPG {@code start}/{@code end} strings and timeshift start times are read and
 *                   written ({@code server_info.timezone})
 * @param message    the message of the day ({@code user_info.message}), may be empty
 */
public record XtreamServer(URI publicUrl, int httpsPort, ZoneId timeZone, String message) {

    public XtreamServer {
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(message, "message");
        if (publicUrl.getScheme() == null || publicUrl.getHost() == null
                || !(publicUrl.getScheme().equals("http") || publicUrl.getScheme().equals("https"))) {
            throw new IllegalArgumentException("public URL " + publicUrl + " must be an absolute http(s) URL");
        }
    }

    /** The port players connect to: the URL's, or the scheme's default. */
    public int port() {
        if (publicUrl.getPort() > 0) {
            return publicUrl.getPort();
        }
        return publicUrl.getScheme().equals("https") ? 443 : 80;
    }

    /** The base without a trailing slash, e.g. {@code http://tv.example.net:25461}. */
    public String base() {
        String text = publicUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
