package headwater.app.cli;

import headwater.api.ApiTokens;
import headwater.domain.apitoken.ApiScope;
import headwater.domain.apitoken.ApiToken;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.identity.Role;
import headwater.store.Database;
import headwater.store.apitoken.JdbiApiTokenRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code headwater admin token create|list|revoke}: the admin API's tokens. The command line acts as an admin at the
 * server's console (whoever can run it can read the database), so it may give a token any role and any scopes that
 * role is granted. A token is printed once, when made; only its SHA-256 is stored; revoking keeps it listed.
 */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Make, list and revoke API tokens. A token is shown once, when made; only its SHA-256 is"
                + " stored. Scopes: " + ApiTokenCommand.SCOPES + ", or area:* (billing:*).", ""},
        commandListHeading = "%nCommands:%n")
final class ApiTokenCommand extends CommandGroup {

    static final String SCOPES = "catalogue:read|write, subscribers:read|write, resellers:read|write,"
            + " sessions:read|open|kill, billing:read|write, admin";
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([dhm])");

    private final Map<String, String> env;

    ApiTokenCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Make a token and print it, this once.")
    int create(@Mixin StoreOptions options,
               @Option(names = "--name", required = true, paramLabel = "NAME",
                       description = "What the token is for, such as billing-script; unique.") String name,
               @Option(names = "--role", required = true, paramLabel = "ROLE",
                       description = "ADMIN, SUPPORT or RESELLER.") Role role,
               @Option(names = "--scope", required = true, split = ",", paramLabel = "SCOPE",
                       description = "What it may do (repeat, or separate with commas).") List<String> scopes,
               @Option(names = "--reseller", paramLabel = "ID",
                       description = "The reseller a RESELLER token acts for.") String reseller,
               @Option(names = "--expires", paramLabel = "WHEN",
                       description = "When it stops working: an ISO-8601 time (2027-01-31T00:00:00Z) or a"
                               + " duration from now (90d, 12h, 30m). Default: never.") String expires) {
        Set<ApiScope> scopeSet = EnumSet.noneOf(ApiScope.class);
        for (String scope : scopes) {
            scopeSet.addAll(ApiScope.parse("scope", scope.strip()));
        }
        Instant expiry = expires == null ? null : expiry(expires);
        try (Database database = options.open(env)) {
            ApiTokens.Issued issued = tokens(database).issue(name, role, scopeSet, reseller,
                    "cli:" + System.getProperty("user.name", "unknown"), expiry);
            if (options.json()) {
                Map<String, Object> m = row(issued.token());
                m.put("token", issued.secret());
                Listing.json(options.out(), m);
            } else {
                options.out().println(issued.secret());
                options.out().flush();
            }
        }
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "List the tokens, revoked and expired ones too (never a token).")
    int list(@Mixin StoreOptions options) {
        try (Database database = options.open(env)) {
            List<ApiToken> all = tokens(database).list();
            if (options.json()) {
                Listing.json(options.out(), all.stream().map(ApiTokenCommand::row).toList());
            } else {
                Instant now = Instant.now();
                Listing.table(options.out(), List.of("NAME", "ROLE", "SCOPES", "CREATED BY", "CREATED", "LAST USED",
                        "EXPIRES", "STATE"), all.stream().map(t -> List.of(t.name(), t.role().name()
                                + (t.resellerId() == null ? "" : " " + t.resellerId()),
                        String.join(",", t.scopeTexts()), t.createdBy(), t.created().toString(),
                        t.lastUsed() == null ? "never" : t.lastUsed().toString(),
                        t.expires() == null ? "never" : t.expires().toString(),
                        t.revoked() != null ? "revoked " + t.revoked() : t.activeAt(now) ? "active" : "expired"))
                        .toList());
            }
        }
        return 0;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Revoke the token named NAME: requests with it are refused from now on; it stays listed.")
    int revoke(@Mixin StoreOptions options, @Parameters(paramLabel = "NAME") String name) {
        try (Database database = options.open(env)) {
            if (tokens(database).revoke(name).isEmpty()) {
                throw new NotFoundException("active api token", name);
            }
            Listing.done(options, "revoked", "api token", name);
        }
        return 0;
    }

    private static Map<String, Object> row(ApiToken token) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", token.name());
        m.put("role", token.role().name());
        m.put("scopes", List.copyOf(token.scopeTexts()));
        m.put("resellerId", token.resellerId());
        m.put("createdBy", token.createdBy());
        m.put("created", token.created().toString());
        m.put("lastUsed", token.lastUsed() == null ? null : token.lastUsed().toString());
        m.put("expires", token.expires() == null ? null : token.expires().toString());
        m.put("revoked", token.revoked() == null ? null : token.revoked().toString());
        return m;
    }

    static Instant expiry(String text) {
        Matcher duration = DURATION.matcher(text);
        if (duration.matches()) {
            long n = Long.parseLong(duration.group(1));
            return Instant.now().plus(switch (duration.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            });
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("api token", "expires", "\"" + (text.length() > 40
                    ? text.substring(0, 40) + "…" : text) + "\" is neither an ISO-8601 time with offset"
                    + " (2027-01-31T00:00:00Z) nor a duration (90d, 12h, 30m)");
        }
    }

    private static ApiTokens tokens(Database database) {
        return new ApiTokens(new JdbiApiTokenRepository(database), Clock.systemUTC());
    }
}
