package headwater.store;

import headwater.domain.catalog.ChannelDraft;
import headwater.store.catalog.JdbiChannelRepository;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The process that {@link CrashSafetyTest} kills: it creates channels one transaction at a time, forever, and after
 * each commit prints {@code ACK <id>} on stdout. Whatever it printed was acknowledged and must survive the kill.
 *
 * <p>Arguments: {@code sqlite <dataDir>} or {@code postgresql <jdbcUrl> <user>}.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) {
        DatabaseConfig config = args[0].equals("sqlite")
                ? DatabaseConfig.sqlite(Path.of(args[1])).withPoolSize(1)
                : DatabaseConfig.postgresql(args[1], args[2], null).withPoolSize(2);
        long deadline = System.nanoTime() + 120_000_000_000L; // never outlive a test run that lost track of us
        try (Database database = Database.open(config)) {
            var channels = new JdbiChannelRepository(database, Clock.systemUTC());
            int next = database.read(h -> h.createQuery("SELECT COALESCE(MAX(number), 0) FROM channel")
                    .mapTo(Integer.class).one()) + 1;
            System.out.println("READY " + next);
            System.out.flush();
            while (System.nanoTime() < deadline) {
                String id = "w" + next;
                channels.create(new ChannelDraft(id, next, "Written " + next, null, List.of(), null,
                        List.of(URI.create("http://origin.example/" + next + ".ts")), 0, false, true));
                System.out.println("ACK " + id);
                System.out.flush();
                next++;
            }
        }
    }
}
