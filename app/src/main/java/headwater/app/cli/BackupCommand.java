package headwater.app.cli;

import headwater.app.config.HeadwaterConfig;
import headwater.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code headwater backup FILE}: an online copy of the SQLite store; PostgreSQL is pg_dump's job. */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Write a consistent copy of the SQLite database to FILE while the server keeps running (VACUUM INTO: one"
                    + " transaction's snapshot, compacted). Restore it with `headwater restore FILE`.",
            "With PostgreSQL (database.url), use pg_dump instead; this command prints how and exits with code 2.",
            ""
        })
final class BackupCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Parameters(paramLabel = "FILE", description = "The backup file to create; it must not exist.")
    Path file;

    private final Map<String, String> env;

    BackupCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        HeadwaterConfig config = options.load(env);
        if (!config.database().sqlite()) {
            return PostgresqlGuidance.print(options, config, "backup");
        }
        Path target = file.toAbsolutePath();
        try (Database database = options.open(env)) {
            database.backupTo(target);
            long bytes = Files.size(target);
            if (options.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("backup", target.toString());
                m.put("bytes", bytes);
                m.put("database", database.description());
                Listing.json(options.out(), m);
            } else {
                options.out().println("backed up " + database.description() + " to " + target + " (" + bytes + " bytes)");
                options.out().flush();
            }
        }
        return 0;
    }
}
