package headwater.app.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Protection of stored data ({@code security.*}).
 *
 * <p>The master key that wraps the data keys of encryption at rest comes from, in this order: the environment
 * variable {@value #MASTER_KEY_ENV} (the key's base64), the file named by {@value #MASTER_KEY_FILE_ENV}, the file
 * {@code security.masterKeyFile}, else {@code <dataDir>/master.key}, which the first start creates (owner-only). The two
 * variables are not configuration keys: they carry or point at the secret, and the configuration is printed.
 *
 * @param masterKeyFile the master key file; empty for {@code <dataDir>/}{@value #DEFAULT_MASTER_KEY_FILE}. Keep it
 *                      out of the database's backups: a backup and its key together open everything sealed.
 */
public record SecurityConfig(Optional<Path> masterKeyFile) {

    public static final String DEFAULT_MASTER_KEY_FILE = "master.key";
    public static final String MASTER_KEY_ENV = "HEADWATER_MASTER_KEY";
    public static final String MASTER_KEY_FILE_ENV = "HEADWATER_MASTER_KEY_FILE";

    public SecurityConfig {
        masterKeyFile = Objects.requireNonNullElse(masterKeyFile, Optional.empty());
    }

    public static SecurityConfig defaults() {
        return new SecurityConfig(Optional.empty());
    }

    /** The absolute master key file: {@code security.masterKeyFile}, else {@code <dataDir>/master.key}. */
    public Path masterKeyFile(Path dataDir) {
        return masterKeyFile.orElseGet(() -> dataDir.resolve(DEFAULT_MASTER_KEY_FILE)).toAbsolutePath().normalize();
    }
}
