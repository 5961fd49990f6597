package headwater.app.cli;

import headwater.api.Argon2PasswordHasher;
import headwater.api.identity.AccountSetup;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.identity.Account;
import headwater.domain.identity.AccountRepository;
import headwater.domain.identity.AccountStatus;
import headwater.domain.identity.LastAdminException;
import headwater.domain.identity.Role;
import headwater.domain.identity.SessionOwner;
import headwater.store.Database;
import headwater.store.identity.JdbiAccountRepository;
import headwater.store.identity.JdbiWebSessionRepository;
import headwater.store.subscriber.JdbiResellerRepository;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code headwater admin account create|list|disable}: operators' and resellers' accounts from the server's console,
 * which acts as an admin (whoever can run it can read the database). A new account enrols TOTP at its first login;
 * disabling one ends its web sessions and is refused for the last active admin.
 */
@Command(
        name = "account",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Make, list and disable operators' and resellers' accounts. A new account enrols TOTP at its"
                + " first login.", ""},
        commandListHeading = "%nCommands:%n")
final class AdminAccountCommand extends CommandGroup {

    private final Map<String, String> env;
    private final InputStream in;

    AdminAccountCommand(Map<String, String> env, InputStream in) {
        this.env = env;
        this.in = in;
    }

    static final class PasswordSource {
        @Option(names = "--password-stdin", required = true,
                description = "Read the password from the first line of standard input.")
        boolean fromStdin;

        @Option(names = "--generate-password", required = true,
                description = "Generate a strong password and print it, this once.")
        boolean generate;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Make an account; it must enrol TOTP at its first login.")
    int create(@Mixin StoreOptions options,
               @Option(names = "--username", required = true, paramLabel = "NAME",
                       description = "The login: ASCII letters, digits, '.', '_', '-' and '@'.") String username,
               @Option(names = "--role", required = true, paramLabel = "ROLE",
                       description = "support, reseller or admin.") String roleText,
               @Option(names = "--reseller", paramLabel = "ID",
                       description = "The reseller a reseller account acts for (required with --role reseller).")
               String reseller,
               @ArgGroup(exclusive = true, multiplicity = "1") PasswordSource source) {
        Role role = role(roleText);
        if ((role == Role.RESELLER) != (reseller != null)) {
            throw new InvalidValueException("account", "--reseller", role == Role.RESELLER
                    ? "is missing: a reseller account acts for one reseller"
                    : "is only for --role reseller");
        }
        String password = source.generate ? AdminCreateCommand.generate() : readPassword();
        try (Database database = options.open(env)) {
            Clock clock = Clock.systemUTC();
            if (reseller != null && new JdbiResellerRepository(database, clock).find(reseller).isEmpty()) {
                throw new UnknownReferenceException("account", username, "reseller", List.of(reseller));
            }
            AccountRepository accounts = accounts(database, options);
            AccountSetup setup = new AccountSetup(accounts, new Argon2PasswordHasher(), clock);
            Account account = accounts.create(Account.create(UUID.randomUUID().toString(), username, role, reseller,
                    setup.hashFor(username, password), clock.instant()));
            CommandAudit.record(database, "account.create", "account", account.id(), null, "{\"username\":\""
                    + account.username() + "\",\"role\":\"" + role + "\"}");
            if (source.generate) {
                options.out().printf("Password (shown this once): %s%n", password);
            }
            Listing.done(options, "created", "account", account.username());
        }
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "List the accounts (never a password hash or TOTP key).")
    int list(@Mixin StoreOptions options) {
        try (Database database = options.open(env)) {
            List<Account> all = accounts(database, options).list().stream()
                    .sorted(Comparator.comparing(Account::username)).toList();
            if (options.json()) {
                Listing.json(options.out(), all.stream().map(AdminAccountCommand::row).toList());
            } else {
                Listing.table(options.out(), List.of("USERNAME", "ROLE", "RESELLER", "STATUS", "TOTP", "CREATED"),
                        all.stream().map(a -> List.of(a.username(), a.role().name(),
                                a.resellerId() == null ? "-" : a.resellerId(), a.status().name(),
                                a.totpEnrolled() ? "enrolled" : "not enrolled", a.created().toString())).toList());
            }
        }
        return 0;
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Disable the account USERNAME: it can no longer log in and its web sessions end.")
    int disable(@Mixin StoreOptions options, @Parameters(paramLabel = "USERNAME") String username) {
        try (Database database = options.open(env)) {
            AccountRepository accounts = accounts(database, options);
            Account account = accounts.findByUsername(username)
                    .orElseThrow(() -> new NotFoundException("account", username));
            try {
                accounts.changeStatus(account.id(), AccountStatus.DISABLED); // keeps the last active admin
            } catch (LastAdminException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            int ended = new JdbiWebSessionRepository(database).deleteAllOf(SessionOwner.account(account.id()), null);
            CommandAudit.record(database, "account.disable", "account", account.id(), null,
                    "{\"status\":\"DISABLED\",\"sessionsEnded\":" + ended + "}");
            Listing.done(options, "disabled", "account", account.username());
        }
        return 0;
    }

    private static Role role(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        for (Role role : List.of(Role.SUPPORT, Role.RESELLER, Role.ADMIN)) {
            if (role.name().equals(upper)) {
                return role;
            }
        }
        throw new InvalidValueException("account", "--role", "\"" + (text.length() > 20 ? text.substring(0, 20) + "…"
                : text) + "\" is not a role: support, reseller or admin");
    }

    private String readPassword() {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IllegalArgumentException("--password-stdin: standard input ended before a password line");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    private AccountRepository accounts(Database database, StoreOptions options) {
        return new JdbiAccountRepository(database, options.cipher(database, env));
    }

    private static Map<String, Object> row(Account account) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", account.id());
        m.put("username", account.username());
        m.put("role", account.role().name());
        m.put("resellerId", account.resellerId());
        m.put("status", account.status().name());
        m.put("totpEnrolled", account.totpEnrolled());
        m.put("created", account.created().toString());
        return m;
    }
}
