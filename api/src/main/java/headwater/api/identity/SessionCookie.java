package headwater.api.identity;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;

/**
 * The web session cookie: {@value #NAME}. The {@code __Host-} prefix makes browsers refuse it unless it is
 * {@code Secure}, has {@code Path=/} and no {@code Domain}, so a sibling subdomain or a plain-HTTP page cannot plant
 * or overwrite it; {@code HttpOnly} keeps it from scripts and {@code SameSite=Strict} from other sites' requests.
 */
final class SessionCookie {

    static final String NAME = "__Host-hw_session";
    /** Longer values are not ours: ignored unread. */
    private static final int MAX_VALUE_LENGTH = 128;

    private SessionCookie() {
    }

    /** The cookie carrying {@code value}, for the browser to keep at most {@code maxAge}. */
    static Cookie of(String value, Duration maxAge) {
        return Cookie.cookie(NAME, value).setSecure(true).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setPath("/").setMaxAge(maxAge.toSeconds());
    }

    /** The cookie that makes the browser forget the session. */
    static Cookie cleared() {
        return of("", Duration.ZERO);
    }

    /** The session cookie's value in the request, or null. */
    static String read(HttpServerRequest request) {
        Cookie cookie = request.getCookie(NAME);
        if (cookie == null || cookie.getValue().isEmpty() || cookie.getValue().length() > MAX_VALUE_LENGTH) {
            return null;
        }
        return cookie.getValue();
    }
}
