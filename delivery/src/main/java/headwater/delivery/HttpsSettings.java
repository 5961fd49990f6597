package headwater.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * HTTPS on the server's port: TLS 1.2 and 1.3 only with the Mozilla "intermediate" cipher suites ({@link TlsPolicy}),
 * and {@code Strict-Transport-Security: max-age=...} on every response.
 *
 * @param certificate the first certificate; {@link DeliveryServer#updateCertificate} replaces it while running
 * @param hstsMaxAge  how long browsers remember to use only HTTPS; zero tells them to forget it
 */
public record HttpsSettings(ServerCertificate certificate, Duration hstsMaxAge) {

    public static final Duration DEFAULT_HSTS_MAX_AGE = Duration.ofDays(365);

    public HttpsSettings {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(hstsMaxAge, "hstsMaxAge");
        if (hstsMaxAge.isNegative()) {
            throw new IllegalArgumentException("'hstsMaxAge' must not be negative, was " + hstsMaxAge);
        }
    }

    /** The header's value, e.g. {@code max-age=31536000}. */
    String strictTransportSecurity() {
        return "max-age=" + hstsMaxAge.toSeconds();
    }
}
