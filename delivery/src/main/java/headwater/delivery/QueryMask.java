package headwater.delivery;

import java.util.Locale;

/**
 * Rewrites a raw query string for logging: the values of credential-like parameters become {@code ***}, and
 * characters that could forge log lines are replaced. The Xtream Codes API puts {@code username} and {@code password}
 * in queries ({@code /player_api.php?username=...&password=...}); a username is masked too, since it is half of
 * the credential.
 */
final class QueryMask {

    static final String MASK = "***";
    private static final int MAX_LOGGED = 512;
    private static final String[] SECRET_KEYS = {"password", "passwd", "pwd", "pass", "token", "secret", "signature",
            "sig", "key", "auth", "user"};

    private QueryMask() {
    }

    /** @return the masked query, or null when {@code query} is null */
    static String mask(String query) {
        if (query == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(query.length(), MAX_LOGGED) + 8);
        int start = 0;
        while (start <= query.length() && out.length() < MAX_LOGGED) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            int eq = query.indexOf('=', start);
            if (eq >= 0 && eq < end) {
                String name = query.substring(start, eq);
                appendSafe(out, name);
                out.append('=');
                if (isSecret(name)) {
                    out.append(MASK);
                } else {
                    appendSafe(out, query.substring(eq + 1, end));
                }
            } else {
                // a bare word may itself be a credential ("?s3cr3t"): never log it
                out.append(end > start ? MASK : "");
            }
            if (amp < 0) {
                break;
            }
            out.append('&');
            start = amp + 1;
        }
        if (out.length() > MAX_LOGGED) {
            out.setLength(MAX_LOGGED);
            out.append("...");
        }
        return out.toString();
    }

    private static boolean isSecret(String rawName) {
        String name = rawName.toLowerCase(Locale.ROOT);
        for (String secret : SECRET_KEYS) {
            if (name.contains(secret)) {
                return true;
            }
        }
        // an encoded name ("p%61ssword") could hide a secret key: treat every escaped name as secret
        return name.indexOf('%') >= 0 || name.indexOf('+') >= 0;
    }

    /** Appends printable ASCII as is and anything else as {@code ?}, so a value cannot forge a log line. */
    static void appendSafe(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x21 && c < 0x7f ? c : '?');
        }
    }
}
