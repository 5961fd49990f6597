package headwater.app.config;

import headwater.store.DatabaseConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the catalogue and the customer base are stored ({@code database.*}). No URL: SQLite in
 * {@code <dataDir>/headwater.db}; a {@code jdbc:postgresql://…} URL: that PostgreSQL.
 *
 * <p>The password is a secret: {@link #toString()} (and so any dump of {@link HeadwaterConfig}) shows {@code ***}
 * for it and masks a password inside the URL.
 *
 * @param url      a JDBC URL, empty for the SQLite default
 * @param user     the PostgreSQL user, empty for the driver's default
 * @param password the PostgreSQL password (also {@code $HEADWATER_DATABASE_PASSWORD}), empty for none
 * @param poolSize reader connections (SQLite writes through one connection), 1..64
 */
public record DatabaseSettings(Optional<String> url, Optional<String> user, Optional<String> password, int poolSize) {

    public static final int MIN_POOL_SIZE = 1;
    public static final int MAX_POOL_SIZE = 64;

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    public static DatabaseSettings defaults() {
        return new DatabaseSettings(Optional.empty(), Optional.empty(), Optional.empty(), DatabaseConfig.DEFAULT_POOL_SIZE);
    }

    /** The store's configuration; the SQLite file lives in {@code dataDir}. */
    public DatabaseConfig toDatabaseConfig(Path dataDir) {
        return new DatabaseConfig(url.orElse(null), user.orElse(null), password.orElse(null), poolSize, dataDir);
    }

    /** True when no URL is given or it is a {@code jdbc:sqlite:} URL. */
    public boolean sqlite() {
        return url.isEmpty() || url.get().regionMatches(true, 0, "jdbc:sqlite:", 0, "jdbc:sqlite:".length());
    }

    /** The URL with any password masked, or a description of the default. */
    public String describeUrl() {
        return url.map(u -> new DatabaseConfig(u, null, null, poolSize, null).maskedUrl())
                .orElse("(SQLite in <dataDir>/" + DatabaseConfig.SQLITE_FILE_NAME + ")");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + describeUrl() + ", user=" + user.orElse("") + ", password="
                + (password.isPresent() ? "***" : "") + ", poolSize=" + poolSize + "]";
    }
}
