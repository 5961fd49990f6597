package headwater.store;

import headwater.store.catalog.JdbiCategoryRepository;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.store.guide.JdbiGuideSourceRepository;
import headwater.store.guide.JdbiGuideStore;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One database for one test: a fresh SQLite file in a temporary directory, or a fresh schema in this run's
 * PostgreSQL database. Opened on first use, and removed when JUnit closes the test's arguments.
 */
public final class TestStore implements AutoCloseable {

    /** The store's clock in tests: a fixed instant with millisecond precision, as stored. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T06:00:00.123Z"), ZoneOffset.UTC);

    private final Dialect dialect;
    private final PostgresServer postgres;
    private DatabaseConfig config;
    private Path directory;
    private Database database;

    TestStore(Dialect dialect, PostgresServer postgres) {
        this.dialect = dialect;
        this.postgres = postgres;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Where this test's database is, creating it on first call. */
    public DatabaseConfig config() {
        if (config == null) {
            if (dialect == Dialect.SQLITE) {
                try {
                    directory = Files.createTempDirectory("headwater-store-");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                config = DatabaseConfig.sqlite(directory).withPoolSize(4);
            } else {
                config = DatabaseConfig.postgresql(postgres.newSchemaUrl(), PostgresServer.USER, null).withPoolSize(4);
            }
        }
        return config;
    }

    public Database database() {
        if (database == null) {
            database = Database.open(config());
        }
        return database;
    }

    /** Closes the pools, so that the next {@link #database()} opens the same database again. */
    public void closeDatabase() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    public JdbiChannelRepository channels() {
        return new JdbiChannelRepository(database(), CLOCK);
    }

    public JdbiCategoryRepository categories() {
        return new JdbiCategoryRepository(database());
    }

    public JdbiPackageRepository packages() {
        return new JdbiPackageRepository(database());
    }

    public JdbiGuideSourceRepository guideSources() {
        return new JdbiGuideSourceRepository(database(), CLOCK);
    }

    public JdbiGuideStore guide() {
        return new JdbiGuideStore(database(), CLOCK);
    }

    public JdbiMovieRepository movies() {
        return new JdbiMovieRepository(database(), CLOCK);
    }

    public JdbiSeriesRepository series() {
        return new JdbiSeriesRepository(database(), CLOCK);
    }

    @Override
    public void close() throws IOException {
        closeDatabase();
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
        if (config != null && dialect == Dialect.POSTGRESQL) {
            postgres.dropSchema(config.url());
        }
    }

    @Override
    public String toString() {
        return dialect == Dialect.SQLITE ? "SQLite" : "PostgreSQL";
    }
}
