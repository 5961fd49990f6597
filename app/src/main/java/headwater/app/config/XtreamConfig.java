package headwater.app.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The Xtream Codes compatible surface ({@code xtream.*}): how the server presents itself to IPTV apps, and how hard
 * failed logins are throttled.
 *
 * @param publicUrl              the base URL players reach the server at ({@code http://tv.example.net:8080}, no
 *                               path); empty: each request's {@code Host} header
 * @param httpsPort              the HTTPS port announced in {@code server_info.https_port}; 0: none over plain
 *                               HTTP, the request's own port over HTTPS
 * @param timeZone               the zone of EPG start/end texts and of timeshift start times
 *                               ({@code server_info.timezone})
 * @param message                the message of the day ({@code user_info.message}); may be empty
 * @param loginCacheTtl          how long a successful password check is remembered (a player calls the API many
 *                               times in a row; Argon2 costs tens of milliseconds); 0 turns the cache off
 * @param maxFailuresPerAddress  failed logins from one client address within {@code failureWindow} before it is
 *                               throttled
 * @param maxFailuresPerAccount  failed logins for one username within {@code failureWindow} before it is throttled
 * @param failureWindow          the window failed logins are counted in, and how long a throttle lasts
 */
public record XtreamConfig(Optional<URI> publicUrl, int httpsPort, ZoneId timeZone, String message,
                           Duration loginCacheTtl, int maxFailuresPerAddress, int maxFailuresPerAccount,
                           Duration failureWindow) {

    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("UTC");
    public static final Duration DEFAULT_LOGIN_CACHE_TTL = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_FAILURES_PER_ADDRESS = 20;
    public static final int DEFAULT_MAX_FAILURES_PER_ACCOUNT = 10;
    public static final Duration DEFAULT_FAILURE_WINDOW = Duration.ofMinutes(15);

    public XtreamConfig {
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(loginCacheTtl, "loginCacheTtl");
        Objects.requireNonNull(failureWindow, "failureWindow");
        if (httpsPort < 0 || httpsPort > 65_535) {
            throw new IllegalArgumentException("httpsPort must be 0..65535, got " + httpsPort);
        }
        if (maxFailuresPerAddress < 1 || maxFailuresPerAccount < 1) {
            throw new IllegalArgumentException("failure limits must be at least 1, got " + maxFailuresPerAddress
                    + " and " + maxFailuresPerAccount);
        }
    }

    public static XtreamConfig defaults() {
        return new XtreamConfig(Optional.empty(), 0, DEFAULT_TIME_ZONE, "", DEFAULT_LOGIN_CACHE_TTL,
                DEFAULT_MAX_FAILURES_PER_ADDRESS, DEFAULT_MAX_FAILURES_PER_ACCOUNT, DEFAULT_FAILURE_WINDOW);
    }

    /** The same settings announcing {@code url} as the public URL. */
    public XtreamConfig withPublicUrl(URI url) {
        return new XtreamConfig(Optional.of(url), httpsPort, timeZone, message, loginCacheTtl, maxFailuresPerAddress,
                maxFailuresPerAccount, failureWindow);
    }
}
