package headwater.api.xtream;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How this server presents itself to Xtream apps: {@code server_info}, and the base of every URL we hand out.
 *
 * @param publicUrl  the base URL players reach us at, e.g. {@code http://tv.example.net:25461} (no path), or null to
 *                   take it from each request's {@code Host} header (the address the player typed, which is what
 *                   it can reach)
 * @param httpsPort  the HTTPS port announced, or 0 when none
 * @param timeZone   the zone in which EPG {@code start}/{@code end} strings and timeshift start times are read and
 *                   written ({@code server_info.timezone})
 * @param message    the message of the day ({@code user_info.message}), may be empty
 */
public record XtreamServer(URI publicUrl, int httpsPort, ZoneId timeZone, String message) {

    /** What a Host header may hold to be echoed into URLs: a name or an IPv4/IPv6 literal and a port. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]");

    public XtreamServer {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(message, "message");
        if (publicUrl != null && (publicUrl.getScheme() == null || publicUrl.getHost() == null
                || !(publicUrl.getScheme().equals("http") || publicUrl.getScheme().equals("https")))) {
            throw new IllegalArgumentException("public URL " + publicUrl + " must be an absolute http(s) URL");
        }
    }

    /**
     * The base of the URLs handed to this request's client, without a trailing slash, e.g.
     * {@code http://tv.example.net:25461}: the configured public URL, else the request's scheme and {@code Host}
     * (when it is a plain host and port; otherwise the address the request came in on).
     */
    public String base(HttpServerRequest request) {
        if (publicUrl != null) {
            String text = publicUrl.toString();
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        }
        String scheme = request.isSSL() ? "https" : "http";
        HostAndPort authority = request.authority();
        if (authority != null && HOST.matcher(authority.host()).matches()) {
            return scheme + "://" + authority.host() + (authority.port() > 0 ? ":" + authority.port() : "");
        }
        String local = request.localAddress().hostAddress();
        return scheme + "://" + (local.contains(":") ? "[" + local + "]" : local) + ":" + request.localAddress().port();
    }

    /** The host announced in {@code server_info.url} (no scheme, no port). */
    public String host(HttpServerRequest request) {
        return URI.create(base(request)).getHost();
    }

    /** The port announced in {@code server_info.port}. */
    public int port(HttpServerRequest request) {
        URI base = URI.create(base(request));
        if (base.getPort() > 0) {
            return base.getPort();
        }
        return "https".equals(base.getScheme()) ? 443 : 80;
    }
}
