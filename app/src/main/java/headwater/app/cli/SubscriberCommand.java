package headwater.app.cli;

import headwater.api.Argon2PasswordHasher;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Page;
import headwater.domain.subscriber.PasswordHasher;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.subscriber.SubscriberQuery;
import headwater.domain.subscriber.SubscriberRepository;
import headwater.domain.subscriber.SubscriberStatus;
import headwater.store.Database;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code headwater subscriber add|list|enable|disable|rm}: the operator's subscribers, for scripts. */
@Command(
        name = "subscriber",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Add, list, disable, enable and remove subscribers. A subscriber is named by its username.", ""},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {
            "Examples:",
            "  printf '%s\\n' \"$PASSWORD\" | headwater subscriber add --username bob --password-stdin \\",
            "      --max-connections 2 --package basic --expires 2027-01-31",
            "  headwater subscriber list --status ACTIVE --json",
            "  headwater subscriber disable bob"
        })
final class SubscriberCommand extends CommandGroup {

    private static final int MAX_PASSWORD_LENGTH = 1024;

    private final Map<String, String> env;
    private final InputStream stdin;
    private final PasswordHasher hasher;

    SubscriberCommand(Map<String, String> env, InputStream stdin, PasswordHasher hasher) {
        this.env = env;
        this.stdin = stdin;
        this.hasher = hasher;
    }

    SubscriberCommand(Map<String, String> env, InputStream stdin) {
        this(env, stdin, new Argon2PasswordHasher());
    }

    /** Where the password comes from: exactly one of the two. */
    static final class PasswordSource {
        @Option(names = "--password", paramLabel = "PASSWORD", description = "The password (visible to other users"
                + " of this machine in the process list: prefer --password-stdin). Never printed.")
        char[] password;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean fromStdin;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Store a new active subscriber of the operator and print it (never its password).")
    int add(@Mixin StoreOptions options,
            @Option(names = "--username", required = true, paramLabel = "NAME", description = "The login: ASCII letters,"
                    + " digits, '.', '_', '-', '@'; unique ignoring case.") String username,
            @ArgGroup(exclusive = true, multiplicity = "1") PasswordSource password,
            @Option(names = "--max-connections", paramLabel = "N", defaultValue = "1",
                    description = "Simultaneous streams (default: 1).") int maxConnections,
            @Option(names = "--package", paramLabel = "ID", description = "A package granted; repeat for more.") List<String> packages,
            @Option(names = "--expires", paramLabel = "WHEN", converter = ExpiryConverter.class,
                    description = ExpiryConverter.EXPECTED + "; default: never.") Instant expires,
            @Option(names = "--id", paramLabel = "ID", description = "Stable id (default: a random one).") String id) {
        char[] secret = password.fromStdin ? readPassword() : password.password;
        try {
            checkPassword(secret);
            try (Database database = options.open(env)) {
                SubscriberDraft draft = SubscriberDraft.of(id == null ? newId() : id, username, hasher.hash(secret))
                        .withMaxConnections(maxConnections)
                        .withPackageIds(packages == null ? Set.of() : new TreeSet<>(packages))
                        .withExpiry(expires);
                print(options, List.of(repository(database).create(draft)), false);
            }
        } finally {
            Arrays.fill(secret, '\0');
        }
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "List the subscribers by username.")
    int list(@Mixin StoreOptions options,
             @Option(names = "--status", paramLabel = "STATUS", description = "Only this status: ${COMPLETION-CANDIDATES}.")
             SubscriberStatus status) {
        try (Database database = options.open(env)) {
            SubscriberRepository subscribers = repository(database);
            List<Subscriber> all = new ArrayList<>();
            SubscriberQuery query = SubscriberQuery.firstPage(SubscriberQuery.MAX_LIMIT).withStatus(status);
            Page<Subscriber> page;
            do {
                page = subscribers.list(query);
                all.addAll(page.items());
                query = query.next();
            } while (page.hasMore() && !page.items().isEmpty());
            print(options, all, true);
        }
        return 0;
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Disable a subscriber: no new streams (already disabled: no change).")
    int disable(@Mixin StoreOptions options, @Parameters(paramLabel = "USERNAME") String username) {
        return setStatus(options, username, SubscriberStatus.DISABLED);
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Make a subscriber active again.")
    int enable(@Mixin StoreOptions options, @Parameters(paramLabel = "USERNAME") String username) {
        return setStatus(options, username, SubscriberStatus.ACTIVE);
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Delete a subscriber with its devices.")
    int rm(@Mixin StoreOptions options, @Parameters(paramLabel = "USERNAME") String username) {
        try (Database database = options.open(env)) {
            SubscriberRepository subscribers = repository(database);
            Subscriber subscriber = byUsername(subscribers, username);
            if (!subscribers.delete(subscriber.id())) {
                throw new NotFoundException("subscriber", username);
            }
            Listing.done(options, "removed", "subscriber", username);
        }
        return 0;
    }

    private int setStatus(StoreOptions options, String username, SubscriberStatus status) {
        try (Database database = options.open(env)) {
            SubscriberRepository subscribers = repository(database);
            Subscriber subscriber = byUsername(subscribers, username);
            Subscriber updated = subscriber.status() == status ? subscriber
                    : subscribers.update(subscriber.version(), subscriber.draft().withStatus(status));
            print(options, List.of(updated), false);
        }
        return 0;
    }

    private static Subscriber byUsername(SubscriberRepository subscribers, String username) {
        return subscribers.findByUsername(username)
                .orElseThrow(() -> new NotFoundException("subscriber with username", username));
    }

    private char[] readPassword() {
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("--password-stdin: standard input ended before a password line");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("--password-stdin: cannot read standard input: " + e.getMessage(), e);
        }
    }

    /** The reasons name the rule, never the password. */
    private static void checkPassword(char[] password) {
        if (password.length == 0) {
            throw new IllegalArgumentException("the password is empty: give one with --password or --password-stdin");
        }
        if (password.length > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the password is " + password.length + " characters long: at most "
                    + MAX_PASSWORD_LENGTH + " allowed");
        }
    }

    private static String newId() {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        return "s-" + HexFormat.of().formatHex(random);
    }

    private static SubscriberRepository repository(Database database) {
        return new JdbiSubscriberRepository(database, Clock.systemUTC());
    }

    private static void print(StoreOptions options, List<Subscriber> subscribers, boolean listing) {
        if (options.json()) {
            List<Map<String, Object>> items = subscribers.stream().map(SubscriberCommand::json).toList();
            Listing.json(options.out(), listing ? items : items.getFirst());
            return;
        }
        Listing.table(options.out(), List.of("USERNAME", "ID", "STATUS", "EXPIRES", "CONNECTIONS", "PACKAGES", "VERSION"),
                subscribers.stream().map(s -> List.of(s.username(), s.id(), s.status().name(),
                        s.expiry() == null ? "never" : s.expiry().toString(), String.valueOf(s.maxConnections()),
                        String.join(",", s.packageIds()), String.valueOf(s.version()))).toList());
    }

    /** Everything but the password hash. */
    private static Map<String, Object> json(Subscriber s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("username", s.username());
        m.put("status", s.status().name());
        m.put("expires", s.expiry() == null ? null : s.expiry().toString());
        m.put("maxConnections", s.maxConnections());
        m.put("outputFormats", s.outputFormats().stream().map(Enum::name).toList());
        m.put("allowedNetworks", s.allowedNetworks().stream().map(Object::toString).toList());
        m.put("packages", List.copyOf(s.packageIds()));
        m.put("plan", s.planId());
        m.put("owner", s.owner().toString());
        m.put("version", s.version());
        m.put("created", s.created().toString());
        m.put("updated", s.updated().toString());
        return m;
    }
}
