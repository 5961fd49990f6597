package headwater.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.ChannelQuery;
import headwater.store.catalog.JdbiChannelRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRestoreTest {

    @TempDir
    Path dir;

    @Test
    void a_backup_replaces_the_database_and_the_previous_one_is_kept_as_bak() {
        Path live = dir.resolve("live");
        Path backup = dir.resolve("backup.db");
        List<Channel> backedUp;
        try (Database database = Database.open(DatabaseConfig.sqlite(live))) {
            var channels = new JdbiChannelRepository(database, TestStore.CLOCK);
            channels.create(ChannelDraft.of("news", 1, "News"));
            channels.create(ChannelDraft.of("sport", 2, "Sport"));
            database.backupTo(backup);
            backedUp = channels.list(ChannelQuery.firstPage(100)).items();
            channels.create(ChannelDraft.of("after", 3, "After the backup"));
        }
        Path db = live.resolve(DatabaseConfig.SQLITE_FILE_NAME);

        SqliteRestore.Restored restored = SqliteRestore.restore(backup, db);

        assertThat(restored.database()).isEqualTo(db.toAbsolutePath());
        assertThat(restored.previous()).contains(live.resolve("headwater.db.bak").toAbsolutePath());
        assertThat(restored.backup().schemaVersion()).isEqualTo(restored.backup().buildVersion());
        assertThat(live.resolve("headwater.db.restoring")).doesNotExist();
        try (Database database = Database.open(DatabaseConfig.sqlite(live))) {
            database.validateMigrations();
            assertThat(new JdbiChannelRepository(database, TestStore.CLOCK).list(ChannelQuery.firstPage(100)).items())
                    .isEqualTo(backedUp);
        }
        try (Database previous = Database.open(new DatabaseConfig("jdbc:sqlite:" + live.resolve("headwater.db.bak"),
                null, null, 1, null))) {
            assertThat(new JdbiChannelRepository(previous, TestStore.CLOCK).find("after")).isPresent();
        }
    }

    @Test
    void a_file_that_is_not_a_headwater_database_changes_nothing() throws Exception {
        Path live = dir.resolve("live");
        try (Database database = Database.open(DatabaseConfig.sqlite(live))) {
            new JdbiChannelRepository(database, TestStore.CLOCK).create(ChannelDraft.of("news", 1, "News"));
        }
        Path db = live.resolve(DatabaseConfig.SQLITE_FILE_NAME);
        byte[] before = Files.readAllBytes(db);
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a database");
        Path plain = dir.resolve("plain.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + plain)) {
            c.createStatement().execute("CREATE TABLE t (x INTEGER)");
        }

        assertThatThrownBy(() -> SqliteRestore.restore(dir.resolve("missing.db"), db)).isInstanceOf(DatabaseException.class)
                .hasMessage("cannot restore from " + dir.resolve("missing.db") + ": no such file");
        assertThatThrownBy(() -> SqliteRestore.restore(text, db)).isInstanceOf(DatabaseException.class)
                .hasMessage(text + " is not a SQLite database (a Headwater backup starts with 'SQLite format 3')");
        assertThatThrownBy(() -> SqliteRestore.restore(plain, db)).isInstanceOf(DatabaseException.class)
                .hasMessage(plain + " is not a Headwater database: it has no flyway_schema_history table (a backup is"
                        + " made by `headwater backup FILE`)");

        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(live.resolve("headwater.db.bak")).doesNotExist();
        assertThat(live.resolve("headwater.db.restoring")).doesNotExist();
    }

    @Test
    void a_backup_from_a_newer_build_is_refused() throws Exception {
        Path newer = dir.resolve("newer.db");
        try (Database database = Database.open(DatabaseConfig.sqlite(dir.resolve("other")))) {
            database.backupTo(newer);
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + newer)) {
            c.createStatement().execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                    + " script, checksum, installed_by, installed_on, execution_time, success) VALUES (999, '999',"
                    + " 'from the future', 'SQL', 'V999__future.sql', 0, 'test', '2030-01-01 00:00:00', 1, 1)");
        }
        String build = SqliteRestore.inspect(dir.resolve("other").resolve("headwater.db")).buildVersion();

        assertThatThrownBy(() -> SqliteRestore.restore(newer, dir.resolve("live").resolve("headwater.db")))
                .isInstanceOf(DatabaseException.class)
                .hasMessage(newer + " has schema version 999, newer than this build's " + build
                        + ": restore it with the Headwater that made it, or a newer one");
        assertThat(dir.resolve("live").resolve("headwater.db")).doesNotExist();
    }
}
