package headwater.app.wiring;

import headwater.api.Argon2PasswordHasher;
import headwater.api.identity.AccountSetup;
import headwater.api.identity.AuthSettings;
import headwater.api.identity.FirstRunSetup;
import headwater.api.identity.TotpEnrolments;
import headwater.api.identity.WebAuthenticator;
import headwater.app.config.SecurityConfig;
import headwater.domain.audit.AuditTrail;
import headwater.domain.protect.FieldCipher;
import headwater.store.Database;
import headwater.store.identity.JdbiAccountRepository;
import headwater.store.identity.JdbiSubscriberTotpRepository;
import headwater.store.identity.JdbiWebSessionRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.time.Clock;
import java.util.function.Function;

/**
 * The web sessions of operators, resellers and subscribers ({@link WebAuthenticator}) on the store: accounts with TOTP
 * seeds sealed by the server's {@link FieldCipher}, sessions by cookie digest, subscribers for the portal, and the
 * client address by the delivery server's trusted-proxy rule.
 */
public final class WebLogins {

    private WebLogins() {
    }

    /** The session lifetimes and TOTP issuer of {@code security.*}. */
    public static AuthSettings settings(SecurityConfig security) {
        return new AuthSettings(security.sessionIdleTimeout(), security.sessionLifetime(), security.totpIssuer());
    }

    /** The first-run page, with a setup code when no administrator exists (blocking: reads the store). */
    public static FirstRunSetup firstRunSetup(Database database, FieldCipher cipher, AuthSettings settings,
                                              Clock clock) {
        JdbiAccountRepository accounts = new JdbiAccountRepository(database, cipher);
        return new FirstRunSetup(new AccountSetup(accounts, new Argon2PasswordHasher(), clock),
                new TotpEnrolments(accounts, settings.issuer(), clock), settings.issuer(), clock);
    }

    public static WebAuthenticator on(Database database, FieldCipher cipher,
                                      Function<HttpServerRequest, InetAddress> clientAddress, AuditTrail audit,
                                      AuthSettings settings, Clock clock) {
        return new WebAuthenticator(new JdbiAccountRepository(database, cipher), new JdbiWebSessionRepository(database),
                new JdbiSubscriberRepository(database, clock), new JdbiSubscriberTotpRepository(database, cipher),
                new Argon2PasswordHasher(), audit, clientAddress, settings, clock);
    }
}
