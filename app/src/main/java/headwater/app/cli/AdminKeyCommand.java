package headwater.app.cli;

import headwater.api.AdminKeys;
import headwater.domain.apikey.ApiKey;
import headwater.domain.apikey.ApiKeyRepository;
import headwater.domain.catalog.NotFoundException;
import headwater.store.Database;
import headwater.store.apikey.JdbiApiKeyRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code headwater admin-key add|list|rm}: keys of the admin API, for a second operator or a rotation. */
@Command(
        name = "admin-key",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Make, list and revoke admin API keys. A key is shown once, when made; only its SHA-256 is"
                + " stored.", ""},
        commandListHeading = "%nCommands:%n")
final class AdminKeyCommand extends CommandGroup {

    private final Map<String, String> env;

    AdminKeyCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Make a key named NAME and print it, this once.")
    int add(@Mixin StoreOptions options, @Parameters(paramLabel = "NAME", description = "What the key is for, such as"
            + " billing-script.") String name) {
        try (Database database = options.open(env)) {
            String key = new AdminKeys(repository(database), Clock.systemUTC()).create(name);
            if (options.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", name);
                m.put("key", key);
                Listing.json(options.out(), m);
            } else {
                options.out().println(key);
                options.out().flush();
            }
        }
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "List the keys' names and when they were made and last used (never the keys).")
    int list(@Mixin StoreOptions options) {
        try (Database database = options.open(env)) {
            List<ApiKey> keys = repository(database).list();
            if (options.json()) {
                Listing.json(options.out(), keys.stream().map(k -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", k.name());
                    m.put("created", k.created().toString());
                    m.put("lastUsed", k.lastUsed() == null ? null : k.lastUsed().toString());
                    return m;
                }).toList());
            } else {
                Listing.table(options.out(), List.of("NAME", "CREATED", "LAST USED"), keys.stream().map(k -> List.of(
                        k.name(), k.created().toString(), k.lastUsed() == null ? "never" : k.lastUsed().toString()))
                        .toList());
            }
        }
        return 0;
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Revoke the key named NAME: requests with it are refused from now on.")
    int rm(@Mixin StoreOptions options, @Parameters(paramLabel = "NAME") String name) {
        try (Database database = options.open(env)) {
            if (!repository(database).delete(name)) {
                throw new NotFoundException("admin key", name);
            }
            Listing.done(options, "removed", "admin key", name);
        }
        return 0;
    }

    private static ApiKeyRepository repository(Database database) {
        return new JdbiApiKeyRepository(database, Clock.systemUTC());
    }
}
