package headwater.app.cli;

import headwater.app.config.HeadwaterConfig;
import headwater.domain.epg.XmltvWriter;
import headwater.domain.guide.GuideFetcher;
import headwater.domain.guide.GuideImport;
import headwater.domain.guide.GuideImportOptions;
import headwater.domain.guide.GuideImportReport;
import headwater.domain.guide.GuideSource;
import headwater.domain.guide.GuideSourceDraft;
import headwater.domain.guide.GuideSourceRepository;
import headwater.store.Database;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.guide.JdbiGuideSourceRepository;
import headwater.store.guide.JdbiGuideStore;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code headwater epg import FILE|URL} and {@code headwater epg export}: the stored, merged XMLTV guide. */
@Command(
        name = "epg",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Import XMLTV guides into the store and export the merged guide.", ""},
        commandListHeading = "%nCommands:%n")
final class EpgCommand extends CommandGroup {

    private final Map<String, String> env;

    EpgCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = {
                "Import an XMLTV guide (plain or gzip; a file, or an http(s) URL fetched under outbound.*) as the new"
                        + " guide of a guide source, created on first import. Readers see the old guide until the new"
                        + " one is complete; a guide that cannot be read leaves the old one in place.",
                ""
            })
    int importGuide(@Mixin StoreOptions options,
                    @Parameters(paramLabel = "FILE|URL") String input,
                    @Option(names = "--source", paramLabel = "ID", description = "The guide source (default: made from"
                            + " the file name or the URL's host, such as epg-example-com).") String sourceId,
                    @Option(names = "--priority", paramLabel = "N", description = "For a new source: where several"
                            + " sources feed one channel, the higher wins (default 0).") Integer priority)
            throws Exception {
        HeadwaterConfig config = options.load(env);
        try (ImportInput in = ImportInput.open(input, config.outbound().policy());
             Database database = options.open(env)) {
            Clock clock = Clock.systemUTC();
            GuideSourceRepository sources = new JdbiGuideSourceRepository(database, clock);
            String id = sourceId != null ? sourceId : defaultId(in.name());
            GuideSource source = sources.find(id).orElseGet(() -> {
                // The address, not the masked location: the server's scheduled refresh reads the source from it.
                GuideSourceDraft draft = GuideSourceDraft.of(id, in.name(), in.address());
                return sources.create(priority == null ? draft : draft.withPriority(priority));
            });
            GuideImport guide = new GuideImport(sources, new JdbiGuideStore(database, clock),
                    new JdbiChannelRepository(database, clock), GuideFetcher.localFiles(), clock,
                    GuideImportOptions.DEFAULTS);
            GuideImportReport report = guide.importFrom(source.id(), in.body());
            print(options, report);
        }
        return 0;
    }

    @Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Write the merged guide of every enabled source as XMLTV (UTF-8), to FILE or stdout.")
    int exportGuide(@Mixin StoreOptions options,
                    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (replaced"
                            + " only when the export is complete) instead of stdout.") Path output) throws Exception {
        try (Database database = options.open(env)) {
            JdbiGuideStore store = new JdbiGuideStore(database, Clock.systemUTC());
            if (output == null) {
                OutputStream stdout = new BufferedOutputStream(new FileOutputStream(java.io.FileDescriptor.out));
                export(store, stdout);
                stdout.flush();
                return 0;
            }
            Path target = output.toAbsolutePath();
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                export(store, out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return 0;
    }

    private static void export(JdbiGuideStore store, OutputStream out) throws Exception {
        try (XmltvWriter writer = XmltvWriter.open(out, true)) {
            store.export(writer);
        }
    }

    /** "epg.example.com.xml.gz" to "epg-example-com-xml-gz": a guide source id from what was imported. */
    static String defaultId(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 64) {
            slug = slug.substring(0, 64).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "guide" : slug;
    }

    private static void print(StoreOptions options, GuideImportReport report) {
        if (!options.json()) {
            options.out().println(report);
            options.out().flush();
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", report.sourceId());
        m.put("generation", report.generation());
        m.put("channels", report.channels());
        m.put("programmesRead", report.programmesRead());
        m.put("programmesStored", report.programmesStored());
        m.put("duplicates", report.duplicates());
        m.put("truncated", report.truncated());
        m.put("openEnded", report.openEnded());
        m.put("outsideRetention", report.outsideRetention());
        m.put("unmatched", report.unmatched());
        m.put("catalogueChannelsFed", report.links().size());
        m.put("tookMillis", report.took().toMillis());
        Listing.json(options.out(), m);
    }
}
