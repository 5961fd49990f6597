package headwater.security.outbound;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * A URI as messages and logs may show it: user info replaced by {@code ***}, and the values of query parameters that
 * usually carry secrets ({@code password}, {@code token}, {@code key}...) replaced by {@code ***}, so that an Xtream
 * playlist URL {@code get.php?username=u&password=p} is never logged with its password.
 */
public final class SafeUri {

    private static final Set<String> SECRET_PARAMETERS = Set.of("password", "passwd", "pass", "pwd", "token",
            "access_token", "key", "apikey", "api_key", "secret", "auth", "signature", "sig");

    private SafeUri() {
    }

    public static String of(URI uri) {
        if (uri == null) {
            return "null";
        }
        if (uri.isOpaque() || uri.getRawAuthority() == null) {
            return maskQuery(uri.toString());
        }
        StringBuilder out = new StringBuilder();
        if (uri.getScheme() != null) {
            out.append(uri.getScheme()).append("://");
        }
        String authority = uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        out.append(at < 0 ? authority : "***@" + authority.substring(at + 1));
        if (uri.getRawPath() != null) {
            out.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            out.append('?').append(maskParameters(uri.getRawQuery()));
        }
        return out.toString();
    }

    /** Like {@link #of(URI)} for text that is not a valid URI: user info and secret parameters masked. */
    public static String ofText(String text) {
        String masked = text.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@", "$1***@");
        return maskQuery(masked);
    }

    private static String maskQuery(String text) {
        int q = text.indexOf('?');
        return q < 0 ? text : text.substring(0, q + 1) + maskParameters(text.substring(q + 1));
    }

    private static String maskParameters(String query) {
        StringBuilder out = new StringBuilder(query.length());
        for (String pair : query.split("&", -1)) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq >= 0 && SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                out.append(name).append("=***");
            } else {
                out.append(pair);
            }
        }
        return out.toString();
    }
}
