package headwater.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Puts a SQLite backup ({@link Database#backupTo}) in place of a database that no process has open. The backup is
 * copied next to the database first and checked there (a SQLite file, intact, a Headwater schema no newer than this
 * build's), so a bad file never replaces a good one; the previous database is kept as {@code <name>.bak} (with its
 * WAL, if any, as {@code <name>.bak-wal}). Opening the restored database with {@link Database#open} then migrates an
 * older schema to this build's.
 */
public final class SqliteRestore {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /**
     * What a backup holds.
     *
     * @param schemaVersion the newest migration applied to it
     * @param buildVersion  the newest migration of this build
     */
    public record BackupFile(Path file, String schemaVersion, String buildVersion) {
    }

    /** What {@link #restore} did. */
    public record Restored(BackupFile backup, Path database, Optional<Path> previous) {
    }

    private SqliteRestore() {
    }

    /**
     * Checks that {@code file} is an intact Headwater SQLite database whose schema this build can open. It may be
     * written to (SQLite replays a WAL next to it): check a copy when the original must stay untouched.
     *
     * @throws DatabaseException naming the file and what is wrong with it
     */
    public static BackupFile inspect(Path file) {
        return inspect(file, file);
    }

    private static BackupFile inspect(Path file, Path shownAs) {
        checkHeader(file, shownAs);
        SQLiteDataSource source = new SQLiteDataSource(new SQLiteConfig());
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            try (var rs = statement.executeQuery("PRAGMA quick_check")) {
                String result = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(result)) {
                    throw new DatabaseException(shownAs + " is damaged: PRAGMA quick_check says " + result);
                }
            }
            try (var rs = statement.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
                if (!rs.next() || rs.getInt(1) == 0) {
                    throw new DatabaseException(shownAs + " is not a Headwater database: it has no flyway_schema_history"
                            + " table (a backup is made by `headwater backup FILE`)");
                }
            }
            try (var rs = statement.executeQuery("SELECT version, description FROM flyway_schema_history "
                    + "WHERE success = 0 AND version IS NOT NULL")) {
                if (rs.next()) {
                    throw new DatabaseException(shownAs + " has a failed migration (version " + rs.getString(1) + ", "
                            + rs.getString(2) + "): it is not a consistent Headwater database");
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot read " + shownAs + " as a SQLite database: " + e.getMessage(), e);
        }
        MigrationVersion applied = null;
        MigrationVersion build = null;
        MigrationInfo[] all = Flyway.configure().dataSource(source).locations(Dialect.SQLITE.migrationLocation())
                .failOnMissingLocations(true).loggers("slf4j").load().info().all();
        for (MigrationInfo migration : all) {
            if (migration.getVersion() == null) {
                continue;
            }
            if (migration.getState().isApplied() && (applied == null || migration.getVersion().compareTo(applied) > 0)) {
                applied = migration.getVersion();
            }
            if (migration.getState().isResolved() && (build == null || migration.getVersion().compareTo(build) > 0)) {
                build = migration.getVersion();
            }
        }
        if (applied == null || build == null) {
            throw new DatabaseException(shownAs + " is not a Headwater database: no migration was ever applied to it");
        }
        if (applied.compareTo(build) > 0) {
            throw new DatabaseException(shownAs + " has schema version " + applied + ", newer than this build's "
                    + build + ": restore it with the Headwater that made it, or a newer one");
        }
        return new BackupFile(shownAs, applied.toString(), build.toString());
    }

    private static void checkHeader(Path file, Path shownAs) {
        if (!Files.isRegularFile(file)) {
            throw new DatabaseException("cannot restore from " + shownAs + ": no such file");
        }
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(SQLITE_HEADER.length);
        } catch (IOException e) {
            throw new DatabaseException("cannot read " + shownAs + ": " + e.getMessage(), e);
        }
        if (!Arrays.equals(header, SQLITE_HEADER)) {
            throw new DatabaseException(shownAs + " is not a SQLite database (a Headwater backup starts with"
                    + " 'SQLite format 3')");
        }
    }

    /**
     * Replaces {@code database} by a checked copy of {@code backup}. The caller makes sure no process has
     * {@code database} open (a server holds its data directory's lock).
     *
     * @throws DatabaseException the backup is not usable (nothing was changed) or the files cannot be moved
     */
    public static Restored restore(Path backup, Path database) {
        Path target = database.toAbsolutePath();
        Path staging = sibling(target, ".restoring");
        BackupFile checked;
        try {
            checkHeader(backup, backup);
            Files.createDirectories(target.getParent());
            Files.copy(backup, staging, StandardCopyOption.REPLACE_EXISTING);
            BackupFile inspected = inspect(staging, backup);
            checked = new BackupFile(backup, inspected.schemaVersion(), inspected.buildVersion());
            deleteIfExists(sibling(staging, "-wal"), sibling(staging, "-shm"), sibling(staging, "-journal"));
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new DatabaseException("cannot copy " + backup + " to " + staging + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(staging);
            throw e;
        }
        try {
            Optional<Path> previous = Optional.empty();
            if (Files.exists(target)) {
                checkpoint(target);
                Path bak = sibling(target, ".bak");
                deleteIfExists(sibling(bak, "-wal"), sibling(bak, "-shm"));
                Files.move(target, bak, StandardCopyOption.REPLACE_EXISTING);
                if (Files.exists(sibling(target, "-wal"))) {
                    Files.move(sibling(target, "-wal"), sibling(bak, "-wal"), StandardCopyOption.REPLACE_EXISTING);
                }
                previous = Optional.of(bak);
            }
            deleteIfExists(sibling(target, "-wal"), sibling(target, "-shm"));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return new Restored(checked, target, previous);
        } catch (IOException e) {
            throw new DatabaseException("cannot put " + backup + " in place of " + target + ": " + e.getMessage()
                    + " (the checked copy is " + staging + ", the previous database " + sibling(target, ".bak") + ")", e);
        }
    }

    /** Folds the WAL into the database file, so that the .bak is one self-contained file; best effort. */
    private static void checkpoint(Path database) {
        SQLiteDataSource source = new SQLiteDataSource(new SQLiteConfig());
        source.setUrl("jdbc:sqlite:" + database);
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            // A damaged database (perhaps why it is restored): its WAL is kept next to the .bak instead.
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static void deleteIfExists(Path... files) throws IOException {
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            deleteIfExists(file, sibling(file, "-wal"), sibling(file, "-shm"));
        } catch (IOException ignored) {
            // a leftover staging file is overwritten by the next restore
        }
    }
}
