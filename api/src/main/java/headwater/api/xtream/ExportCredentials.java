package headwater.api.xtream;

import io.vertx.core.MultiMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The credentials of an export request ({@code get.php}, {@code xmltv.php}): {@code username} and {@code password},
 * or a playlist {@code token} in their place; and the same credentials as they go back into the URLs we hand out.
 * {@link #toString()} shows neither password nor token.
 */
record ExportCredentials(String username, String password, String token) {

    static ExportCredentials of(MultiMap query) {
        String token = query.get("token");
        if (token != null) {
            return new ExportCredentials(null, null, token);
        }
        return new ExportCredentials(query.get("username"), query.get("password"), null);
    }

    boolean usesToken() {
        return token != null;
    }

    /** As query parameters: {@code username=U&password=P} or {@code token=T}, encoded. */
    String query() {
        return usesToken() ? "token=" + encode(token)
                : "username=" + encode(username) + "&password=" + encode(password);
    }

    /** As path segments: {@code U/P} or {@code T}, encoded. */
    String path() {
        return usesToken() ? encode(token) : encode(username) + "/" + encode(password);
    }

    /** Percent-encodes everything but the unreserved characters, so the text is safe in a path and a query. */
    static String encode(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("*", "%2A");
    }

    @Override
    public String toString() {
        return usesToken() ? "ExportCredentials[token]" : "ExportCredentials[username=" + username + "]";
    }
}
