package headwater.app.cli;

import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Package;
import headwater.domain.catalog.PackageRepository;
import headwater.store.Database;
import headwater.store.catalog.JdbiPackageRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code headwater package add|list|rm|add-channel|rm-channel}: packages (bouquets) of channels, for scripts. */
@Command(
        name = "package",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Add, list and remove packages (bouquets: sets of channels that plans sell together).", ""},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {
            "Examples:",
            "  headwater package add basic --name \"Basic\" --channel news-hd --channel sport",
            "  headwater package add-channel basic weather",
            "  headwater package list --json"
        })
final class PackageCommand extends CommandGroup {

    private final Map<String, String> env;

    PackageCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Store a new package and print it.")
    int add(@Mixin StoreOptions options,
            @Parameters(paramLabel = "ID", description = "Stable id: letters, digits, '.', '_', '-'.") String id,
            @Option(names = "--name", paramLabel = "NAME", description = "Display name (default: the id).") String name,
            @Option(names = "--channel", paramLabel = "ID", description = "A channel id; repeat for more.") List<String> channels) {
        try (Database database = options.open(env)) {
            Package created = repository(database).create(new Package(id, name == null ? id : name,
                    channels == null ? Set.of() : new TreeSet<>(channels)));
            print(options, List.of(created), false);
        }
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "List the packages by id.")
    int list(@Mixin StoreOptions options) {
        try (Database database = options.open(env)) {
            print(options, repository(database).list(), true);
        }
        return 0;
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Delete a package (its channels stay).")
    int rm(@Mixin StoreOptions options, @Parameters(paramLabel = "ID") String id) {
        try (Database database = options.open(env)) {
            if (!repository(database).delete(id)) {
                throw new NotFoundException("package", id);
            }
            Listing.done(options, "removed", "package", id);
        }
        return 0;
    }

    @Command(name = "add-channel", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Add channels to a package (already there: no change).")
    int addChannel(@Mixin StoreOptions options, @Parameters(index = "0", paramLabel = "PACKAGE") String id,
                   @Parameters(index = "1..*", arity = "1..*", paramLabel = "CHANNEL") List<String> channels) {
        return change(options, id, channels, true);
    }

    @Command(name = "rm-channel", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Remove channels from a package.")
    int rmChannel(@Mixin StoreOptions options, @Parameters(index = "0", paramLabel = "PACKAGE") String id,
                  @Parameters(index = "1..*", arity = "1..*", paramLabel = "CHANNEL") List<String> channels) {
        return change(options, id, channels, false);
    }

    private int change(StoreOptions options, String id, List<String> channels, boolean add) {
        try (Database database = options.open(env)) {
            // One transaction in the store per command, not a read-modify-write of the whole package: an admin API
            // edit or another add-channel running at the same time is never lost.
            PackageRepository packages = repository(database);
            Package changed = add ? packages.addChannels(id, channels) : packages.removeChannels(id, channels);
            print(options, List.of(changed), false);
        }
        return 0;
    }

    private static PackageRepository repository(Database database) {
        return new JdbiPackageRepository(database);
    }

    private static void print(StoreOptions options, List<Package> packages, boolean listing) {
        if (options.json()) {
            List<Map<String, Object>> items = packages.stream().map(p -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", p.id());
                m.put("name", p.name());
                m.put("channels", p.channelIdList());
                return m;
            }).toList();
            Listing.json(options.out(), listing ? items : items.getFirst());
            return;
        }
        Listing.table(options.out(), List.of("ID", "NAME", "CHANNELS"), packages.stream()
                .map(p -> List.of(p.id(), p.name(), String.join(",", p.channelIdList()))).toList());
    }
}
