package headwater.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.ValidateResult;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The opened store: connection pools, migrated schema, and JDBI on top.
 *
 * <p>SQLite (the default) allows one writer at a time. Instead of letting several pooled connections race for the
 * write lock and fail with {@code SQLITE_BUSY}, every write goes through a pool of exactly one connection whose
 * transactions begin {@code IMMEDIATE} (taking the write lock up front, so a read-then-write transaction can never
 * fail to upgrade its lock); writers queue in the pool instead of spinning in SQLite. Readers use their own pool and
 * never block the writer under WAL. Another process (the CLI while the server runs) waits up to
 * {@link #BUSY_TIMEOUT_MS} for the lock.
 *
 * <p>PostgreSQL has one pool for both; writes run in READ COMMITTED transactions (updates are guarded by a version
 * column), multi-statement reads in REPEATABLE READ so that a listing and its details come from one snapshot.
 */
public final class Database implements AutoCloseable {

    /** How long a SQLite connection waits for another process's write lock before giving up. */
    public static final int BUSY_TIMEOUT_MS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Dialect dialect;
    private final String description;
    private final HikariDataSource readPool;
    private final HikariDataSource writePool;
    private final Jdbi reads;
    private final Jdbi writes;
    private final DataSource migrationSource;

    private Database(Dialect dialect, String description, HikariDataSource readPool, HikariDataSource writePool,
                     DataSource migrationSource) {
        this.dialect = dialect;
        this.description = description;
        this.readPool = readPool;
        this.writePool = writePool;
        this.migrationSource = migrationSource;
        this.reads = Jdbi.create(readPool);
        this.writes = writePool == readPool ? reads : Jdbi.create(writePool);
    }

    /**
     * Opens the configured database and migrates its schema to the latest version.
     *
     * @throws DatabaseException the URL names an unsupported database, the database cannot be reached or opened,
     *                           or its schema cannot be migrated
     */
    public static Database open(DatabaseConfig config) {
        String url = config.url();
        if (url == null || url.isBlank()) {
            return openSqlite(config.dataDir().resolve(DatabaseConfig.SQLITE_FILE_NAME), config);
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql://")) {
            return openPostgresql(config);
        }
        if (lower.startsWith("jdbc:sqlite:") && !lower.contains(":memory:") && !lower.contains("mode=memory")) {
            String file = url.substring("jdbc:sqlite:".length());
            if (file.startsWith("file:")) {
                file = file.substring("file:".length());
            }
            int query = file.indexOf('?');
            return openSqlite(Path.of(query >= 0 ? file.substring(0, query) : file), config);
        }
        throw new DatabaseException("unsupported database URL " + config.maskedUrl() + ": supported are "
                + "PostgreSQL (jdbc:postgresql://host[:port]/database) and SQLite (jdbc:sqlite:/path/to/file.db, "
                + "or no URL for <dataDir>/" + DatabaseConfig.SQLITE_FILE_NAME + "); in-memory SQLite is not supported");
    }

    private static Database openSqlite(Path file, DatabaseConfig config) {
        Path absolute = file.toAbsolutePath();
        String url = "jdbc:sqlite:" + absolute;
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new DatabaseException("cannot create the directory of the SQLite database " + absolute + ": " + e, e);
        }
        HikariDataSource writer = null;
        HikariDataSource reader = null;
        try {
            writer = pool("headwater-sqlite-writer", sqlite(url, true), 1, null);
            SQLiteDataSource migrations = sqlite(url, true);
            // Readers cannot write by mistake and so never compete for the write lock.
            reader = pool("headwater-sqlite-reader", sqlite(url, false), config.poolSize(), "PRAGMA query_only = 1");
            Database database = new Database(Dialect.SQLITE, "SQLite " + absolute, reader, writer, migrations);
            database.migrate();
            return database;
        } catch (RuntimeException e) {
            if (reader != null) {
                reader.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (e instanceof DatabaseException) {
                throw e;
            }
            throw new DatabaseException("cannot open the SQLite database " + absolute + ": " + rootMessage(e), e);
        }
    }

    /**
     * A SQLite data source with the store's pragmas.
     *
     * <p>{@code synchronous=FULL}: in WAL mode, NORMAL syncs the WAL only at checkpoints, so a transaction that was
     * committed and acknowledged can be lost if the machine (not just the process) crashes or loses power before
     * the next checkpoint. FULL syncs the WAL on every commit, so an acknowledged write survives a power cut too. The
     * cost, one fsync per write transaction, is affordable for a catalogue (bulk imports use one transaction).
     */
    private static SQLiteDataSource sqlite(String url, boolean writer) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MS);
        sqlite.enforceForeignKeys(true);
        sqlite.setTransactionMode(writer ? SQLiteConfig.TransactionMode.IMMEDIATE : SQLiteConfig.TransactionMode.DEFERRED);
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl(url);
        return dataSource;
    }

    private static Database openPostgresql(DatabaseConfig config) {
        String masked = config.maskedUrl();
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("headwater-postgresql");
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setConnectionTimeout(10_000);
        hikari.setInitializationFailTimeout(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            // Not chained: driver messages can quote the URL with its credentials (an unknown host "user:pw@host").
            throw new DatabaseException("cannot reach PostgreSQL at " + JdbcUrls.postgresqlHost(config.url()) + " ("
                    + masked + ", user " + config.user() + "): " + scrub(rootMessage(e), config));
        }
        try {
            Database database = new Database(Dialect.POSTGRESQL, "PostgreSQL " + masked, pool, pool, pool);
            database.migrate();
            return database;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static HikariDataSource pool(String name, DataSource dataSource, int size, String initSql) {
        HikariConfig hikari = new HikariConfig();
        hikari.setConnectionInitSql(initSql);
        hikari.setPoolName(name);
        hikari.setDataSource(dataSource);
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(30_000);
        hikari.setInitializationFailTimeout(1);
        return new HikariDataSource(hikari);
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(migrationSource)
                .locations(dialect.migrationLocation())
                .failOnMissingLocations(true)
                .loggers("slf4j")
                .load();
    }

    private void migrate() {
        try {
            var result = flyway().migrate();
            LOG.info("{}: schema at version {} ({} migration(s) applied)", description, result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new DatabaseException("cannot migrate the schema of " + description + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the applied migrations match the ones in this build (checksums, order, none pending or missing).
     *
     * @throws DatabaseException naming each mismatch
     */
    public void validateMigrations() {
        ValidateResult result = flyway().validateWithResult();
        if (!result.validationSuccessful) {
            throw new DatabaseException("the schema of " + description + " does not match this build: "
                    + result.getAllErrorMessages());
        }
    }

    /**
     * Writes a consistent copy of the SQLite database to {@code target} while it stays online ({@code VACUUM INTO}:
     * readers and writers carry on; the copy is one transaction's snapshot, compacted). The copy is a plain
     * SQLite file: open it by pointing a data directory at it as {@code headwater.db}.
     *
     * @throws DatabaseException the target exists already, cannot be written, or the database is PostgreSQL (back
     *                           it up with {@code pg_dump --format=custom}; restore with {@code pg_restore})
     */
    public void backupTo(Path target) {
        if (dialect != Dialect.SQLITE) {
            throw new DatabaseException("backup of " + description + " is PostgreSQL's job: run pg_dump --format=custom "
                    + "--file=headwater.dump <database> and restore with pg_restore --clean --dbname=<database> "
                    + "headwater.dump");
        }
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute)) {
            throw new DatabaseException("cannot back up " + description + " to " + absolute + ": the file exists already");
        }
        try (Connection connection = writePool.getConnection();
             var statement = connection.prepareStatement("VACUUM INTO ?")) {
            statement.setString(1, absolute.toString());
            statement.execute();
        } catch (SQLException e) {
            throw new DatabaseException("cannot back up " + description + " to " + absolute + ": " + e.getMessage(), e);
        }
        LOG.info("{}: backed up to {}", description, absolute);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** "SQLite /data/headwater.db" or "PostgreSQL jdbc:postgresql://db/headwater?password=***". */
    public String description() {
        return description;
    }

    /** Runs {@code work} in one read transaction (a consistent snapshot where the database offers it). */
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        if (dialect == Dialect.POSTGRESQL) {
            return reads.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, work::withHandle);
        }
        return reads.inTransaction(work::withHandle);
    }

    /** Runs {@code work} in one write transaction, committed when it returns and rolled back when it throws. */
    public <R> R write(HandleCallback<R, RuntimeException> work) {
        return writes.inTransaction(work::withHandle);
    }

    /**
     * Runs {@code work} in one write transaction whose commit does not wait for the disk: for bulk work whose
     * durability a later, ordinary {@link #write} establishes (a guide generation is written in such batches and made
     * current by an ordinary write, whose sync also covers the batches before it: the WAL is one sequential file).
     * A crash may lose such a transaction but never corrupts the database. SQLite: {@code synchronous=NORMAL} for this
     * transaction; PostgreSQL: {@code SET LOCAL synchronous_commit = off}.
     */
    public <R> R bulkWrite(HandleCallback<R, RuntimeException> work) {
        if (dialect == Dialect.POSTGRESQL) {
            return writes.inTransaction(handle -> {
                handle.execute("SET LOCAL synchronous_commit = off");
                return work.withHandle(handle);
            });
        }
        return writes.withHandle(handle -> {
            handle.execute("PRAGMA synchronous = NORMAL");
            try {
                return handle.inTransaction(work::withHandle);
            } finally {
                handle.execute("PRAGMA synchronous = FULL");
            }
        });
    }

    /** A connection to the write side, for tools such as integrity checks and backups; the caller closes it. */
    public Connection writeConnection() throws SQLException {
        return writePool.getConnection();
    }

    /** The JDBI for reads, for queries that need more than {@link #read}. */
    public Jdbi jdbi() {
        return reads;
    }

    @Override
    public void close() {
        readPool.close();
        if (writePool != readPool) {
            writePool.close();
        }
        if (migrationSource instanceof HikariDataSource hikari && hikari != readPool) {
            hikari.close();
        }
    }

    /** Removes the configured password and any URL credentials from a message. */
    private static String scrub(String message, DatabaseConfig config) {
        String scrubbed = message;
        if (config.password() != null && !config.password().isEmpty()) {
            scrubbed = scrubbed.replace(config.password(), "***");
        }
        return JdbcUrls.maskCredentials(JdbcUrls.mask(scrubbed));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
