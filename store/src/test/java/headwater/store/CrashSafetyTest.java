package headwater.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Kills a writing process with SIGKILL ({@link Process#destroyForcibly()}) in the middle of its stream of writes,
 * many times over the same database, then checks that every write it acknowledged is there and that the database
 * opens clean (integrity check, migrations valid).
 */
class CrashSafetyTest {

    private static final int SQLITE_KILLS = 10;
    private static final int POSTGRESQL_KILLS = 5;

    @EachDatabase
    void every_acknowledged_write_survives_kill_9(TestStore store) throws Exception {
        DatabaseConfig config = store.config();
        store.database().validateMigrations(); // create the schema once; the writers then find it migrated
        store.closeDatabase();
        Random random = new Random();
        Set<String> acknowledged = new HashSet<>();
        int kills = store.dialect() == Dialect.SQLITE ? SQLITE_KILLS : POSTGRESQL_KILLS;
        for (int kill = 0; kill < kills; kill++) {
            acknowledged.addAll(writeUntilKilled(config, store.dialect(), 1 + random.nextInt(200), random));
        }

        Database database = store.database();
        if (store.dialect() == Dialect.SQLITE) {
            List<String> integrity = database.write(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).list());
            assertThat(integrity).containsExactly("ok");
            List<java.util.Map<String, Object>> foreignKeys = database.write(h -> h.createQuery("PRAGMA foreign_key_check")
                    .mapToMap().list());
            assertThat(foreignKeys).isEmpty();
        }
        database.validateMigrations();
        Set<String> stored = new HashSet<>(database.read(h -> h.createQuery("SELECT id FROM channel")
                .mapTo(String.class).list()));
        assertThat(acknowledged).hasSizeGreaterThan(kills);
        assertThat(stored).containsAll(acknowledged);
        // Each committed channel is whole: its source row was written in the same transaction.
        long withoutSource = database.read(h -> h.createQuery("SELECT COUNT(*) FROM channel c WHERE NOT EXISTS "
                + "(SELECT 1 FROM channel_source s WHERE s.channel_id = c.id)").mapTo(Long.class).one());
        assertThat(withoutSource).isZero();
    }

    /** Starts a writer, waits for {@code acks} acknowledgements, kills it, and returns every id it acknowledged. */
    private static List<String> writeUntilKilled(DatabaseConfig config, Dialect dialect, int acks, Random random)
            throws IOException, InterruptedException {
        List<String> command = ChildJvm.command(CrashWriter.class, ChildJvm.databaseArguments(config, dialect));
        Process writer = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < acks && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
            }
            assertThat(writer.isAlive()).as("the writer died by itself after %d acknowledgements", acknowledged.size())
                    .isTrue();
            // Let it run on into its next transactions for a random moment, then SIGKILL. What it printed but we
            // did not read was never acknowledged to us, the client: only what we read counts.
            Thread.sleep(random.nextInt(5));
            writer.destroyForcibly();
            writer.waitFor();
        } finally {
            writer.destroyForcibly();
        }
        return acknowledged;
    }
}
