package headwater.app.cli;

import headwater.app.config.HeadwaterConfig;
import headwater.domain.catalog.importing.ChannelChange;
import headwater.domain.catalog.importing.ImportOptions;
import headwater.domain.catalog.importing.PlaylistImportReport;
import headwater.domain.catalog.importing.PlaylistImporter;
import headwater.store.Database;
import headwater.store.catalog.JdbiCategoryRepository;
import headwater.store.catalog.JdbiPlaylistImportStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code headwater m3u import FILE|URL}: a playlist's entries as channels of the catalogue, again when it changes. */
@Command(
        name = "m3u",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Import extended M3U playlists into the catalogue.", ""},
        commandListHeading = "%nCommands:%n")
final class M3uCommand extends CommandGroup {

    private final Map<String, String> env;

    M3uCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = {
                "Import a playlist (a file, or an http(s) URL fetched under outbound.*) and print what changed.",
                "Importing the same source again updates its channels: new entries are added, changed ones updated"
                        + " where the operator did not edit the field, gone ones disabled (or deleted with"
                        + " --delete-removed); numbers, EPG ids, categories and packages the operator set are kept.",
                ""
            })
    int importPlaylist(@Mixin StoreOptions options,
                       @Parameters(paramLabel = "FILE|URL") String input,
                       @Option(names = "--source", paramLabel = "NAME", description = "The name that identifies this"
                               + " playlist across imports (default: the file name, or the URL without its query).") String source,
                       @Option(names = "--delete-removed", description = "Delete the channels of entries that left the"
                               + " playlist instead of disabling them.") boolean deleteRemoved,
                       @Option(names = "--dry-run", description = "Report what would change; write nothing.") boolean dryRun)
            throws Exception {
        HeadwaterConfig config = options.load(env);
        try (ImportInput in = ImportInput.open(input, config.outbound().policy());
             Database database = options.open(env)) {
            Clock clock = Clock.systemUTC();
            PlaylistImporter importer = new PlaylistImporter(new JdbiPlaylistImportStore(database, clock),
                    new JdbiCategoryRepository(database), clock);
            PlaylistImportReport report = importer.importPlaylist(source == null ? in.name() : source, in.location(),
                    in.body(), ImportOptions.DEFAULTS.deletingRemoved(deleteRemoved).dryRun(dryRun));
            print(options, report);
        }
        return 0;
    }

    private static void print(StoreOptions options, PlaylistImportReport report) {
        if (!options.json()) {
            report.lines().forEach(options.out()::println);
            options.out().flush();
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", report.source());
        m.put("entries", report.entries());
        m.put("applied", report.applied());
        m.put("added", changes(report.added()));
        m.put("updated", changes(report.updated()));
        m.put("renamed", changes(report.renamed()));
        m.put("removed", changes(report.removed()));
        m.put("unchanged", report.unchanged());
        m.put("problemCount", report.problemCount());
        m.put("problems", report.problems().stream().map(p -> Map.of("line", p.line(), "message", p.message())).toList());
        Listing.json(options.out(), m);
    }

    private static List<Map<String, Object>> changes(List<ChannelChange> changes) {
        return changes.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("channel", c.channelId());
            m.put("number", c.number());
            m.put("name", c.name());
            m.put("previousName", c.previousName());
            m.put("line", c.line());
            m.put("changes", c.changes());
            return m;
        }).toList();
    }
}
