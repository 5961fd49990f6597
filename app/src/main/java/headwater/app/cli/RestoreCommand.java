package headwater.app.cli;

import headwater.app.config.HeadwaterConfig;
import headwater.app.wiring.DataDirLock;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.SqliteRestore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code headwater restore FILE}: puts a backup in place of the SQLite store, with the server stopped. */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Replace the SQLite database by a backup made with `headwater backup`. The server must be stopped (the"
                    + " command refuses while one holds the data directory). FILE is checked first (an intact"
                    + " Headwater database whose schema is not newer than this build's); an older schema is migrated."
                    + " The previous database is kept as headwater.db.bak next to it.",
            "With PostgreSQL (database.url), use pg_restore instead; this command prints how and exits with code 2.",
            ""
        })
final class RestoreCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Parameters(paramLabel = "FILE", description = "The backup to restore.")
    Path file;

    private final Map<String, String> env;

    RestoreCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        HeadwaterConfig config = options.load(env);
        if (!config.database().sqlite()) {
            return PostgresqlGuidance.print(options, config, "restore");
        }
        Path database = sqliteFile(config);
        SqliteRestore.Restored restored;
        // Held for the whole restore, so that a server cannot start on the database being replaced.
        try (DataDirLock ignored = lock(config.dataDir())) {
            restored = SqliteRestore.restore(file.toAbsolutePath(), database);
            try (Database migrated = options.open(env)) {
                migrated.validateMigrations();
            }
        }
        String previous = restored.previous().map(Path::toString).orElse("");
        if (options.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("restored", restored.backup().file().toString());
            m.put("database", restored.database().toString());
            m.put("schemaVersion", restored.backup().schemaVersion());
            m.put("previous", previous.isEmpty() ? null : previous);
            Listing.json(options.out(), m);
        } else {
            options.out().println("restored " + restored.backup().file() + " (schema version "
                    + restored.backup().schemaVersion() + ") into " + restored.database()
                    + (previous.isEmpty() ? "" : "; the previous database is " + previous));
            options.out().flush();
        }
        return 0;
    }

    private static DataDirLock lock(Path dataDir) {
        try {
            return DataDirLock.acquire(dataDir);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot restore while a Headwater server is running on " + dataDir
                    + DataDirLock.heldBy(dataDir).orElse("") + ": stop it first, then run restore again");
        }
    }

    /** The file the store opens: {@code <dataDir>/headwater.db}, or the path of a {@code jdbc:sqlite:} URL. */
    static Path sqliteFile(HeadwaterConfig config) {
        if (config.database().url().isEmpty()) {
            return config.dataDir().resolve(DatabaseConfig.SQLITE_FILE_NAME);
        }
        String path = config.database().url().get().substring("jdbc:sqlite:".length());
        if (path.toLowerCase(Locale.ROOT).startsWith("file:")) {
            path = path.substring("file:".length());
        }
        int query = path.indexOf('?');
        return Path.of(query >= 0 ? path.substring(0, query) : path).toAbsolutePath();
    }
}
