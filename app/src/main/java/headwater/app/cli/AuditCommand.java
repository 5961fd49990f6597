package headwater.app.cli;

import headwater.app.audit.AuditSigning;
import headwater.app.audit.AuditVerification;
import headwater.app.audit.SecurityChainHasher;
import headwater.app.config.HeadwaterConfig;
import headwater.security.audit.AuditSigningKey;
import headwater.security.audit.ChainBreak;
import headwater.security.audit.SignedHead;
import headwater.store.Database;
import headwater.store.audit.JdbiAuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code headwater audit verify|export-head}: checks the hash chain of the audit log (naming the first entry where it
 * breaks) and exports a signed head, which {@code verify --head} later uses to detect a truncated log.
 */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Check the tamper-evident audit log and export its signed head.", ""},
        commandListHeading = "%nCommands:%n")
final class AuditCommand extends CommandGroup {

    /** Exit code of a verification that found the log altered. */
    static final int BROKEN = 3;

    private final Map<String, String> env;

    AuditCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = {"Recompute the hash chain from the first entry and name the first entry where it breaks"
                    + " (exit code 3). With --head, also check that the log still reaches the exported head."})
    int verify(@Mixin StoreOptions options,
               @Option(names = "--head", paramLabel = "FILE", description = "A head written by export-head.")
               Path headFile) {
        HeadwaterConfig config = options.load(env);
        SignedHead head = headFile == null ? null : SignedHead.parse(read(headFile));
        try (Database database = options.open(env)) {
            JdbiAuditLog log = new JdbiAuditLog(database, SecurityChainHasher.INSTANCE);
            AuditVerification result = head == null ? AuditVerification.of(log)
                    : AuditVerification.of(log, head, AuditSigning.key(config.dataDir()));
            if (result.firstBreak().isPresent()) {
                ChainBreak broken = result.firstBreak().get();
                options.out().println("Audit log BROKEN at entry " + broken.seq() + ": " + broken.reason() + " ("
                        + result.entries() + " entries before it verify)");
                options.out().flush();
                return BROKEN;
            }
            options.out().println("Audit log intact: " + result.entries() + " entries, head hash " + result.lastHash()
                    + (head == null ? "" : "; reaches the exported head (entry " + head.seq() + ")"));
            options.out().flush();
        }
        return 0;
    }

    @Command(name = "export-head", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = {"Print the log's head (last entry number and hash) signed with this server's Ed25519 key"
                    + " (<dataDir>/audit-signing.key), as JSON. Keep it outside the server: audit verify --head"
                    + " FILE then detects entries removed since."})
    int exportHead(@Mixin StoreOptions options) {
        HeadwaterConfig config = options.load(env);
        try (Database database = options.open(env)) {
            AuditSigningKey key = AuditSigning.key(config.dataDir());
            SignedHead head = AuditSigning.head(new JdbiAuditLog(database, SecurityChainHasher.INSTANCE), key,
                    Clock.systemUTC());
            options.out().println(head.toJson(key));
            options.out().flush();
        }
        return 0;
    }

    private static String read(Path file) {
        try {
            if (Files.size(file) > SignedHead.MAX_LENGTH) {
                throw new IllegalArgumentException(file + " is not an audit head: larger than " + SignedHead.MAX_LENGTH
                        + " bytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
