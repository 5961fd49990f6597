package headwater.bench;

import headwater.api.Argon2PasswordHasher;
import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.Package;
import headwater.domain.guide.GuideFetcher;
import headwater.domain.guide.GuideImport;
import headwater.domain.guide.GuideImportOptions;
import headwater.domain.guide.GuideImportReport;
import headwater.domain.guide.GuideSourceDraft;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.catalog.JdbiCategoryRepository;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.store.guide.JdbiGuideSourceRepository;
import headwater.store.guide.JdbiGuideStore;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Seeds a data directory for {@code bench/xtream.sh}: CHANNELS catalogue channels (no sources, so the headend runs
 * none of them; every Xtream listing shows them all) in 20 live categories, each with a logo and an XMLTV id, one
 * package holding them all, a subscriber {@code bench} with PASSWORD in that package, and a guide of a programme every
 * 30 minutes per channel from 12 hours before now to 12 hours after, imported from a generated XMLTV file.
 *
 * <p>Usage: {@code XtreamFixtureMain DATA_DIR CHANNELS PASSWORD}. Run it before the server's first start (it opens
 * the SQLite store of DATA_DIR the way {@code headwater serve} does).
 */
public final class XtreamFixtureMain {

    static final int CATEGORIES = 20;
    static final Duration SLOT = Duration.ofMinutes(30);
    static final Duration HALF_SPAN = Duration.ofHours(12);
    private static final DateTimeFormatter XMLTV_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z")
            .withZone(ZoneOffset.UTC);

    private XtreamFixtureMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int channels = Integer.parseInt(args[1]);
        String password = args[2];
        Clock clock = Clock.systemUTC();
        Files.createDirectories(dataDir);
        Path guide = dataDir.resolve("bench-guide.xml");
        long t0 = System.nanoTime();
        long programmes = writeGuide(guide, channels, clock.instant());
        System.out.printf("guide: %d channels, %d programmes, %d bytes in %.1f s%n", channels, programmes,
                Files.size(guide), (System.nanoTime() - t0) / 1e9);
        try (Database database = Database.open(DatabaseConfig.sqlite(dataDir))) {
            JdbiCategoryRepository categories = new JdbiCategoryRepository(database);
            for (int k = 0; k < CATEGORIES; k++) {
                categories.create(Category.of("cat" + k, "Category " + k, CategoryKind.LIVE));
            }
            JdbiChannelRepository catalogue = new JdbiChannelRepository(database, clock);
            List<ChannelDraft> drafts = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            for (int c = 0; c < channels; c++) {
                String id = "ch" + c;
                ids.add(id);
                drafts.add(ChannelDraft.of(id, c + 1, "Channel " + c + " HD")
                        .withCategoryIds(List.of("cat" + (c % CATEGORIES)))
                        .withEpgChannelId(epgId(c))
                        .withLogo(java.net.URI.create("https://logos.example.net/" + id + ".png")));
                if (drafts.size() == 1000) {
                    catalogue.createAll(drafts);
                    drafts.clear();
                }
            }
            if (!drafts.isEmpty()) {
                catalogue.createAll(drafts);
            }
            new JdbiPackageRepository(database).create(new Package("bench", "Bench", ids));
            new JdbiSubscriberRepository(database, clock).create(SubscriberDraft.of("bench", "bench",
                    new Argon2PasswordHasher().hash(password.toCharArray())).withPackageIds(Set.of("bench"))
                    .withMaxConnections(100));
            JdbiGuideSourceRepository sources = new JdbiGuideSourceRepository(database, clock);
            sources.create(GuideSourceDraft.of("bench", "Generated", guide.toString()));
            long t1 = System.nanoTime();
            GuideImportReport report = new GuideImport(sources, new JdbiGuideStore(database, clock), catalogue,
                    GuideFetcher.localFiles(), clock, GuideImportOptions.DEFAULTS).refresh("bench");
            System.out.printf("catalogue: %d channels in %d categories, package bench, subscriber bench; guide"
                    + " imported in %.1f s: %d programmes stored, %d channels unmatched%n", channels, CATEGORIES,
                    (System.nanoTime() - t1) / 1e9, report.programmesStored(), report.unmatched());
        }
    }

    static String epgId(int c) {
        return "ch" + c + ".bench.example";
    }

    /** Programmes every {@link #SLOT} per channel over {@code now} +- {@link #HALF_SPAN}; returns how many. */
    static long writeGuide(Path file, int channels, Instant now) throws Exception {
        Instant first = now.minus(HALF_SPAN).truncatedTo(ChronoUnit.HOURS);
        Instant last = now.plus(HALF_SPAN);
        long count = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tv generator-info-name=\"headwater bench\">\n");
            for (int c = 0; c < channels; c++) {
                out.write("<channel id=\"" + epgId(c) + "\"><display-name>Channel " + c + " HD</display-name>"
                        + "</channel>\n");
            }
            for (int c = 0; c < channels; c++) {
                int n = 0;
                for (Instant start = first; start.isBefore(last); start = start.plus(SLOT), n++, count++) {
                    out.write("<programme start=\"" + XMLTV_TIME.format(start) + "\" stop=\""
                            + XMLTV_TIME.format(start.plus(SLOT)) + "\" channel=\"" + epgId(c) + "\">"
                            + "<title lang=\"en\">Programme " + n + " on channel " + c + "</title>"
                            + "<desc lang=\"en\">A generated programme of thirty minutes, number " + n
                            + ", with a description of a typical length for a guide entry.</desc>"
                            + "<category lang=\"en\">Bench</category></programme>\n");
                }
            }
            out.write("</tv>\n");
        }
        return count;
    }
}
