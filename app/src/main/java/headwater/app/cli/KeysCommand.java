package headwater.app.cli;

import headwater.app.protect.AtRest;
import headwater.app.protect.ColumnSealing;
import headwater.app.protect.MasterKeyRotation;
import headwater.store.Database;
import headwater.store.protect.JdbiSealedColumns;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code headwater keys rotate-master|rotate-data}: the keys of encryption at rest (docs/07-data-at-rest.md). Neither
 * prints a key; both print fingerprints and ids.
 */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Rotate the keys that seal secrets and personal data in the database.", ""},
        commandListHeading = "%nCommands:%n")
final class KeysCommand extends CommandGroup {

    private final Map<String, String> env;

    KeysCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "rotate-data", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = {"Make a new data key, retire the others (they still open), and re-seal every sealed value"
                    + " under the new key."})
    int rotateData(@Mixin StoreOptions options) {
        try (Database database = options.open(env)) {
            AtRest atRest = AtRest.open(options.load(env), database, env, Clock.systemUTC());
            String previous = atRest.envelope().currentKeyId();
            String made = atRest.envelope().rotateDataKey();
            int resealed = new ColumnSealing(new JdbiSealedColumns(database), atRest.cipher()).resealAll();
            CommandAudit.record(database, "key.rotate", "data-key", made, "{\"dataKey\":\"" + previous + "\"}",
                    "{\"dataKey\":\"" + made + "\",\"resealed\":" + resealed + "}");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dataKey", made);
            m.put("retired", previous);
            m.put("resealed", resealed);
            print(options, m, "Data key " + made + " seals now (" + previous + " retired); re-sealed " + resealed
                    + " value(s).");
        }
        return 0;
    }

    @Command(name = "rotate-master", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = {"Re-wrap every data key under a new master key, in one transaction. Without"
                    + " --new-key-file the key file in use is replaced (the old key is kept as <file>.old). Stop the"
                    + " servers on this database first, or restart them right after."})
    int rotateMaster(@Mixin StoreOptions options,
                     @Option(names = "--new-key-file", paramLabel = "FILE", description = "Where the new master key"
                             + " goes (made 0600), or is read from if the file exists. Required when the key comes"
                             + " from $HEADWATER_MASTER_KEY.") Path newKeyFile) {
        try (Database database = options.open(env)) {
            AtRest atRest = AtRest.open(options.load(env), database, env, Clock.systemUTC());
            MasterKeyRotation rotation = MasterKeyRotation.rotate(atRest, database, Optional.ofNullable(newKeyFile),
                    Clock.systemUTC());
            CommandAudit.record(database, "key.rotate", "master-key", rotation.next().fingerprint(),
                    "{\"master\":\"" + rotation.previous().fingerprint() + "\"}",
                    "{\"master\":\"" + rotation.next().fingerprint() + "\",\"rewrapped\":" + rotation.rewrapped()
                            + "}");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("previous", rotation.previous().fingerprint());
            m.put("master", rotation.next().fingerprint());
            m.put("keyFile", rotation.keyFile().toString());
            m.put("oldKeyFile", rotation.oldKeyFile().map(Path::toString).orElse(null));
            m.put("rewrapped", rotation.rewrapped());
            print(options, m, "Re-wrapped " + rotation.rewrapped() + " data key(s) under master key "
                    + rotation.next().fingerprint() + " (was " + rotation.previous().fingerprint() + "), in "
                    + rotation.keyFile() + rotation.oldKeyFile().map(p -> "; the old key is in " + p
                    + ": delete it once backups no longer need it").orElse("; point $HEADWATER_MASTER_KEY_FILE or "
                    + "security.masterKeyFile at it before the next start") + ".");
        }
        return 0;
    }

    private static void print(StoreOptions options, Map<String, Object> json, String text) {
        if (options.json()) {
            Listing.json(options.out(), json);
        } else {
            options.out().println(text);
            options.out().flush();
        }
    }
}
