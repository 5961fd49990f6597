package headwater.app.cli;

import headwater.api.TokenKeyView;
import headwater.app.wiring.TokenKeys;
import headwater.domain.protect.FieldCipher;
import headwater.domain.session.SigningKey;
import headwater.domain.session.SigningKeys;
import headwater.store.Database;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code headwater token-key list|rotate|edge}: the keys playback tokens are signed with. {@code list} and
 * {@code rotate} never show a secret; {@code edge} prints them on purpose, in the form an nginx edge reads.
 */
@Command(
        name = "token-key",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"List and rotate the keys that playback tokens are signed with, and hand them to an nginx"
                + " edge. A running server picks a rotation up within seconds.", ""},
        commandListHeading = "%nCommands:%n")
final class TokenKeyCommand extends CommandGroup {

    private final Map<String, String> env;

    TokenKeyCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "List the keys: id, state (signing, pending, retired), when made, signing from, retired.")
    int list(@Mixin StoreOptions options) {
        try (Database database = options.open(env)) {
            SigningKeys keys = keys(database, options.cipher(database, env));
            print(options, TokenKeyView.of(keys.list(), keys.rotation(), keys.now()));
        }
        return 0;
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = {"Make a new signing key and retire the current one. The new key is accepted at once and"
                    + " signs after the propagation delay (30 s); tokens signed with the old one stay valid until they"
                    + " expire."})
    int rotate(@Mixin StoreOptions options) {
        try (Database database = options.open(env)) {
            SigningKeys keys = keys(database, options.cipher(database, env));
            SigningKey made = keys.rotate();
            CommandAudit.record(database, "key.rotate", "token-key", made.id(), null, "{\"tokenKey\":\"" + made.id()
                    + "\"}");
            print(options, TokenKeyView.of(keys.list(), keys.rotation(), keys.now()).stream()
                    .filter(view -> view.id().equals(made.id())).toList());
        }
        return 0;
    }

    @Command(name = "edge", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = {"Print the nginx line that gives an edge every stored key, secrets included, for"
                    + " docs/edge/headwater-token.js:", "  set $headwater_token_keys \"1:<hex> 2:<hex>\";",
                    "Write it to a file only nginx can read and reload nginx after every rotation, within the"
                    + " propagation delay (30 s)."})
    int edge(@Mixin StoreOptions options) {
        try (Database database = options.open(env)) {
            StringBuilder keys = new StringBuilder();
            for (SigningKey key : keys(database, options.cipher(database, env)).list()) {
                keys.append(keys.isEmpty() ? "" : " ").append(key.id()).append(':')
                        .append(HexFormat.of().formatHex(key.secret()));
            }
            options.out().println("set $headwater_token_keys \"" + keys + "\";");
            options.out().flush();
        }
        return 0;
    }

    private static void print(StoreOptions options, List<TokenKeyView> views) {
        if (options.json()) {
            Listing.json(options.out(), views.stream().map(view -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", view.id());
                m.put("state", view.state());
                m.put("created", view.created());
                m.put("signsFrom", view.signsFrom());
                m.put("retired", view.retired());
                return m;
            }).toList());
        } else {
            Listing.table(options.out(), List.of("ID", "STATE", "CREATED", "SIGNS FROM", "RETIRED"), views.stream()
                    .map(view -> List.of(view.id(), view.state(), view.created(), view.signsFrom(),
                            view.retired() == null ? "-" : view.retired())).toList());
        }
    }

    private static SigningKeys keys(Database database, FieldCipher cipher) {
        return TokenKeys.signingKeys(database, cipher, TokenKeys.DEFAULT_LIFETIME, Clock.systemUTC());
    }
}
