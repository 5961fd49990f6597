package headwater.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Protection of stored data and of web logins ({@code security.*}).
 *
 * <p>The master key that wraps the data keys of encryption at rest comes from, in this order: the environment
 * variable {@value #MASTER_KEY_ENV} (the key's base64), the file named by {@value #MASTER_KEY_FILE_ENV}, the file
 * {@code security.masterKeyFile}, else {@code <dataDir>/master.key}, which the first start creates (owner-only). The two
 * variables are not configuration keys: they carry or point at the secret, and the configuration is printed.
 *
 * @param masterKeyFile      the master key file; empty for {@code <dataDir>/}{@value #DEFAULT_MASTER_KEY_FILE}. Keep it
 *                           out of the database's backups: a backup and its key together open everything sealed.
 * @param sessionIdleTimeout a web session (console or portal) unused this long ends
 * @param sessionLifetime    a web session ends this long after its login however much it is used
 * @param totpIssuer         the name authenticator apps show beside the account's TOTP entry
 */
public record SecurityConfig(Optional<Path> masterKeyFile, Duration sessionIdleTimeout, Duration sessionLifetime,
                             String totpIssuer) {

    public static final String DEFAULT_MASTER_KEY_FILE = "master.key";
    public static final String MASTER_KEY_ENV = "HEADWATER_MASTER_KEY";
    public static final String MASTER_KEY_FILE_ENV = "HEADWATER_MASTER_KEY_FILE";
    public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(12);
    public static final String DEFAULT_TOTP_ISSUER = "Headwater";
    /** The longest {@code security.totpIssuer}: authenticator apps show it in one line. */
    public static final int MAX_TOTP_ISSUER_LENGTH = 64;

    public SecurityConfig {
        masterKeyFile = Objects.requireNonNullElse(masterKeyFile, Optional.empty());
        Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(totpIssuer, "totpIssuer");
    }

    /** The given master key file, and the default session lifetimes and issuer. */
    public SecurityConfig(Optional<Path> masterKeyFile) {
        this(masterKeyFile, DEFAULT_SESSION_IDLE_TIMEOUT, DEFAULT_SESSION_LIFETIME, DEFAULT_TOTP_ISSUER);
    }

    public static SecurityConfig defaults() {
        return new SecurityConfig(Optional.empty());
    }

    /** The absolute master key file: {@code security.masterKeyFile}, else {@code <dataDir>/master.key}. */
    public Path masterKeyFile(Path dataDir) {
        return masterKeyFile.orElseGet(() -> dataDir.resolve(DEFAULT_MASTER_KEY_FILE)).toAbsolutePath().normalize();
    }
}
