package headwater.store;

import java.nio.file.Path;

/**
 * Where the store lives. With no URL, SQLite in {@code dataDir/headwater.db} (the zero-configuration default); with a
 * {@code jdbc:postgresql://…} URL, that PostgreSQL. The password is never logged: {@link #toString()} masks it, and
 * the URL too.
 *
 * @param url      a JDBC URL, or null/blank for the SQLite default
 * @param user     PostgreSQL user, or null
 * @param password PostgreSQL password, or null
 * @param poolSize connections for readers (SQLite always writes through one connection), 1 to 64
 * @param dataDir  the data directory, where the SQLite file is created; required when no URL is given
 */
public record DatabaseConfig(String url, String user, String password, int poolSize, Path dataDir) {

    public static final int DEFAULT_POOL_SIZE = 8;
    public static final String SQLITE_FILE_NAME = "headwater.db";

    public DatabaseConfig {
        if (poolSize < 1 || poolSize > 64) {
            throw new IllegalArgumentException("database pool size is " + poolSize + ": must be between 1 and 64");
        }
        if ((url == null || url.isBlank()) && dataDir == null) {
            throw new IllegalArgumentException("database: neither a JDBC URL nor a data directory is configured; "
                    + "set the data directory to use SQLite in <dataDir>/" + SQLITE_FILE_NAME);
        }
    }

    /** The zero-configuration default: SQLite in {@code dataDir/headwater.db}. */
    public static DatabaseConfig sqlite(Path dataDir) {
        return new DatabaseConfig(null, null, null, DEFAULT_POOL_SIZE, dataDir);
    }

    public static DatabaseConfig postgresql(String url, String user, String password) {
        return new DatabaseConfig(url, user, password, DEFAULT_POOL_SIZE, null);
    }

    public DatabaseConfig withPoolSize(int newPoolSize) {
        return new DatabaseConfig(url, user, password, newPoolSize, dataDir);
    }

    /** The URL with any password in it replaced by {@code ***}: safe to log and to put in error messages. */
    public String maskedUrl() {
        return JdbcUrls.mask(url);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + maskedUrl() + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", poolSize=" + poolSize + ", dataDir=" + dataDir + "]";
    }
}
