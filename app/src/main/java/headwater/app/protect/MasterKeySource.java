package headwater.app.protect;

import headwater.app.config.HeadwaterConfig;
import headwater.app.config.SecurityConfig;
import headwater.security.crypto.MasterKey;
import headwater.security.crypto.MasterKeyFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the master key came from, and the key: {@value SecurityConfig#MASTER_KEY_ENV} (base64), else the file named by
 * {@value SecurityConfig#MASTER_KEY_FILE_ENV}, else {@code security.masterKeyFile} (default
 * {@code <dataDir>/master.key}, made at first use).
 *
 * @param key     the key
 * @param file    the file it was read from; empty when it came from the environment itself
 * @param created whether the file was made now
 */
public record MasterKeySource(MasterKey key, Optional<Path> file, boolean created) {

    /**
     * @throws IllegalArgumentException the variable or the file does not hold a key (naming which, not quoting it)
     * @throws java.io.UncheckedIOException the file cannot be read or made
     */
    public static MasterKeySource resolve(HeadwaterConfig config, Map<String, String> env) {
        String text = env.get(SecurityConfig.MASTER_KEY_ENV);
        if (text != null && !text.isBlank()) {
            try {
                return new MasterKeySource(MasterKey.fromBase64(text), Optional.empty(), false);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("$" + SecurityConfig.MASTER_KEY_ENV + ": " + e.getMessage(), e);
            }
        }
        String named = env.get(SecurityConfig.MASTER_KEY_FILE_ENV);
        if (named != null && !named.isBlank()) {
            Path file = Path.of(named.strip()).toAbsolutePath().normalize();
            return new MasterKeySource(MasterKeyFile.read(file), Optional.of(file), false);
        }
        Path file = config.security().masterKeyFile(config.dataDir());
        MasterKeyFile.Loaded loaded = MasterKeyFile.readOrCreate(file);
        return new MasterKeySource(loaded.key(), Optional.of(file), loaded.created());
    }

    /** Where the key came from, for messages: the file, or the variable. */
    public String origin() {
        return file.map(Path::toString).orElse("$" + SecurityConfig.MASTER_KEY_ENV);
    }

    @Override
    public String toString() {
        return "MasterKeySource[" + key + " from " + origin() + (created ? ", created now" : "") + "]";
    }
}
