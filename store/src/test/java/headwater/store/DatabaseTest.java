package headwater.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.ChannelQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @Test
    void sqlite_in_the_data_directory_is_the_default_with_wal_full_sync_busy_timeout_and_foreign_keys(@TempDir Path dir) {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir.resolve("data")))) {
            assertThat(database.dialect()).isEqualTo(Dialect.SQLITE);
            assertThat(Files.isRegularFile(dir.resolve("data").resolve("headwater.db"))).isTrue();
            Map<String, Object> pragmas = database.write(h -> h.createQuery("SELECT * FROM pragma_journal_mode, "
                    + "pragma_synchronous, pragma_busy_timeout, pragma_foreign_keys").mapToMap().one());
            assertThat(pragmas).containsEntry("journal_mode", "wal").containsEntry("synchronous", 2)
                    .containsEntry("timeout", Database.BUSY_TIMEOUT_MS).containsEntry("foreign_keys", 1);
            Map<String, Object> readerPragmas = database.read(h -> h.createQuery("SELECT * FROM pragma_synchronous, "
                    + "pragma_foreign_keys, pragma_query_only").mapToMap().one());
            assertThat(readerPragmas).containsEntry("synchronous", 2).containsEntry("foreign_keys", 1)
                    .containsEntry("query_only", 1);
        }
    }

    @Test
    void the_read_side_cannot_write(@TempDir Path dir) {
        try (Database database = Database.open(DatabaseConfig.sqlite(dir))) {
            assertThatThrownBy(() -> database.read(h -> h.execute("DELETE FROM channel")))
                    .hasMessageContaining("attempt to write a readonly database");
        }
    }

    @Test
    void reopening_keeps_the_data_and_the_schema_validates(@TempDir Path dir) {
        DatabaseConfig config = new DatabaseConfig("jdbc:sqlite:" + dir.resolve("custom.db"), null, null, 2, null);
        try (Database database = Database.open(config)) {
            new headwater.store.catalog.JdbiChannelRepository(database, TestStore.CLOCK)
                    .create(ChannelDraft.of("news", 1, "News"));
        }
        try (Database database = Database.open(config)) {
            database.validateMigrations();
            assertThat(new headwater.store.catalog.JdbiChannelRepository(database, TestStore.CLOCK)
                    .count(ChannelQuery.firstPage(1))).isEqualTo(1);
            assertThat(database.description()).isEqualTo("SQLite " + dir.resolve("custom.db").toAbsolutePath());
        }
    }

    @Test
    void two_processes_writing_one_sqlite_file_queue_for_the_lock_instead_of_failing_busy(@TempDir Path dir)
            throws Exception {
        // The server and the CLI each open the file: two pools, two single writers, one lock.
        try (Database server = Database.open(DatabaseConfig.sqlite(dir));
             Database cli = Database.open(DatabaseConfig.sqlite(dir))) {
            var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var serverWrites = threads.submit(() -> writeChannels(server, "server", 0));
                var cliWrites = threads.submit(() -> writeChannels(cli, "cli", 1_000));
                serverWrites.get();
                cliWrites.get();
            } finally {
                threads.shutdownNow();
            }
            long count = new headwater.store.catalog.JdbiChannelRepository(server, TestStore.CLOCK)
                    .count(ChannelQuery.firstPage(1));
            assertThat(count).isEqualTo(200);
        }
    }

    private static Void writeChannels(Database database, String prefix, int firstNumber) {
        var channels = new headwater.store.catalog.JdbiChannelRepository(database, TestStore.CLOCK);
        for (int i = 0; i < 100; i++) {
            var created = channels.create(ChannelDraft.of(prefix + i, firstNumber + i + 1, prefix + " " + i));
            // A read-then-write transaction: with deferred transactions this is where SQLITE_BUSY would strike.
            channels.update(created.version(), created.draft().withName(prefix + " renamed " + i));
        }
        return null;
    }

    @Test
    void an_online_backup_is_a_complete_database_of_its_own(@TempDir Path dir) throws Exception {
        Path backup = dir.resolve("backups").resolve("headwater.db");
        Files.createDirectories(backup.getParent());
        try (Database database = Database.open(DatabaseConfig.sqlite(dir.resolve("live")))) {
            var channels = new headwater.store.catalog.JdbiChannelRepository(database, TestStore.CLOCK);
            channels.createAll(java.util.stream.IntStream.rangeClosed(1, 50)
                    .mapToObj(n -> ChannelDraft.of("c" + n, n, "Channel " + n)).toList());

            database.backupTo(backup);
            channels.create(ChannelDraft.of("after", 51, "Created after the backup"));

            assertThatThrownBy(() -> database.backupTo(backup)).isInstanceOf(DatabaseException.class)
                    .hasMessage("cannot back up " + database.description() + " to " + backup + ": the file exists already");
        }
        try (Database restored = Database.open(DatabaseConfig.sqlite(backup.getParent()))) {
            restored.validateMigrations();
            var channels = new headwater.store.catalog.JdbiChannelRepository(restored, TestStore.CLOCK);
            assertThat(channels.count(ChannelQuery.firstPage(1))).isEqualTo(50);
            assertThat(channels.get("c50").name()).isEqualTo("Channel 50");
            assertThat(channels.find("after")).isEmpty();
        }
    }

    @Test
    void an_unsupported_url_names_the_supported_databases_and_hides_the_password() {
        DatabaseConfig mysql = new DatabaseConfig("jdbc:mysql://db.example/iptv?user=admin&password=hunter2", "admin",
                "hunter2", 4, null);
        assertThatThrownBy(() -> Database.open(mysql))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("unsupported database URL jdbc:mysql://db.example/iptv?user=admin&password=*** : supported "
                        .replace(" :", ":") + "are PostgreSQL (jdbc:postgresql://host[:port]/database) and SQLite "
                        + "(jdbc:sqlite:/path/to/file.db, or no URL for <dataDir>/headwater.db); in-memory SQLite is "
                        + "not supported")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> Database.open(new DatabaseConfig("jdbc:sqlite::memory:", null, null, 1, null)))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("in-memory SQLite is not supported");
    }

    @Test
    void an_unreachable_postgresql_names_the_host_and_the_masked_url() {
        DatabaseConfig config = new DatabaseConfig(
                "jdbc:postgresql://alice:s3cret@127.0.0.1:1/iptv?password=hunter2&connectTimeout=2", "alice", "hunter2",
                2, null);
        assertThatThrownBy(() -> Database.open(config))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot reach PostgreSQL at 127.0.0.1:1 "
                        + "(jdbc:postgresql://alice:***@127.0.0.1:1/iptv?password=***&connectTimeout=2, user alice): ")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> Database.open(DatabaseConfig.postgresql("jdbc:postgresql://127.0.0.1:1/iptv", "app",
                "hunter2")))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("cannot reach PostgreSQL at 127.0.0.1:1 (jdbc:postgresql://127.0.0.1:1/iptv, user app): "
                        + "ConnectException: Connection refused")
                .hasNoCause();
    }

    @Test
    void a_data_directory_that_cannot_be_created_is_named(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> Database.open(DatabaseConfig.sqlite(file.resolve("data"))))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot create the directory of the SQLite database "
                        + file.resolve("data").resolve("headwater.db"));
    }

    @Test
    void the_config_never_shows_the_password() {
        DatabaseConfig config = DatabaseConfig.postgresql("jdbc:postgresql://db/iptv?password=hunter2", "app", "s3cret");
        assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("s3cret")
                .contains("password=***").contains("user=app");
        assertThatThrownBy(() -> new DatabaseConfig(null, null, null, 0, Path.of("x")))
                .hasMessage("database pool size is 0: must be between 1 and 64");
        assertThatThrownBy(() -> new DatabaseConfig(" ", null, null, 1, null))
                .hasMessageStartingWith("database: neither a JDBC URL nor a data directory is configured");
    }

    @EachDatabase
    void opens_migrates_and_validates_on_each_database(TestStore store) {
        store.database().validateMigrations();
        store.closeDatabase();
        store.database().validateMigrations();
        assertThat(store.database().dialect()).isEqualTo(store.dialect());
    }

    @EachDatabase
    void backup_of_postgresql_points_to_pg_dump(TestStore store, @TempDir Path dir) {
        if (store.dialect() == Dialect.POSTGRESQL) {
            assertThatThrownBy(() -> store.database().backupTo(dir.resolve("x.db"))).isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("pg_dump --format=custom");
        } else {
            store.database().backupTo(dir.resolve("x.db"));
            assertThat(dir.resolve("x.db")).isNotEmptyFile();
        }
    }

    @EachDatabase
    void a_schema_that_does_not_match_the_migrations_is_refused_by_name(TestStore store) {
        store.database().write(h -> h.execute("UPDATE flyway_schema_history SET checksum = 42 WHERE version = '1'"));

        assertThatThrownBy(() -> store.database().validateMigrations())
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("the schema of " + store.database().description() + " does not match this build: ")
                .hasMessageContaining("checksum mismatch for migration version 1");
        store.closeDatabase();
        assertThatThrownBy(store::database)
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("cannot migrate the schema of ")
                .hasMessageContaining("checksum mismatch for migration version 1");
    }
}
