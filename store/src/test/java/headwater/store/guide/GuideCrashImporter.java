package headwater.store.guide;

import headwater.domain.epg.EpgChannel;
import headwater.domain.epg.Programme;
import headwater.domain.guide.GuideFetcher;
import headwater.domain.guide.GuideImport;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.catalog.JdbiChannelRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The process that {@link GuideCrashTest} kills: it imports guide after guide into source {@code epg} (guide n titles
 * every programme "G&lt;n&gt; i"), in batches of 10 programmes, and prints {@code COMMITTED n} after each import.
 *
 * <p>Arguments: {@code <first n>} then {@code sqlite <dataDir>} or {@code postgresql <jdbcUrl> <user>}.
 */
public final class GuideCrashImporter {

    static final int CHANNELS = 21;
    static final int PROGRAMMES = 48;

    private GuideCrashImporter() {
    }

    static byte[] guide(int n) {
        List<EpgChannel> channels = new ArrayList<>();
        List<Programme> programmes = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            String id = c == 0 ? "news.example" : "other" + c;
            channels.add(EpgChannel.of(id, "Channel " + c));
            programmes.addAll(Guides.schedule(id, Guides.at("00:00"), PROGRAMMES, "G" + n));
        }
        return Guides.xml(channels, programmes);
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        DatabaseConfig config = args[1].equals("sqlite")
                ? DatabaseConfig.sqlite(Path.of(args[2])).withPoolSize(1)
                : DatabaseConfig.postgresql(args[2], args[3], null).withPoolSize(2);
        long deadline = System.nanoTime() + 120_000_000_000L; // never outlive a test run that lost track of us
        try (Database database = Database.open(config)) {
            Clock clock = Clock.systemUTC();
            GuideImport imports = new GuideImport(new JdbiGuideSourceRepository(database, clock),
                    new JdbiGuideStore(database, clock), new JdbiChannelRepository(database, clock),
                    GuideFetcher.localFiles(), clock, Guides.WIDE.withBatchSize(10));
            System.out.println("READY");
            System.out.flush();
            while (System.nanoTime() < deadline) {
                imports.importFrom("epg", Guides.stream(guide(n)));
                System.out.println("COMMITTED " + n);
                System.out.flush();
                n++;
            }
        }
    }
}
