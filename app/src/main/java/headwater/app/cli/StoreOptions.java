package headwater.app.cli;

import ch.qos.logback.classic.Level;
import headwater.app.config.ConfigLoader;
import headwater.app.config.ConfigOverride;
import headwater.app.config.HeadwaterConfig;
import headwater.app.protect.AtRest;
import headwater.domain.protect.FieldCipher;
import headwater.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every store command shares: where the configuration and the data live (exactly as for
 * {@code headwater serve}, so the command finds the server's database) and the output format.
 */
public final class StoreOptions {

    /** Reader connections a command needs: it runs one query at a time. */
    private static final int POOL_SIZE = 2;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file, as for serve (default: ./headwater.yml when present).")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The data directory, as for serve (dataDir; default: headwater-data).")
    Path dataDir;

    @Option(names = "--json", description = "Print JSON (one document) instead of a table.")
    boolean json;

    /** The configuration as serve would load it from the same file, environment and --data-dir. */
    HeadwaterConfig load(Map<String, String> env) {
        Optional<Path> file = ConfigLoader.locateFile(Optional.ofNullable(config), Path.of("").toAbsolutePath());
        List<ConfigOverride> overrides = dataDir == null ? List.of()
                : List.of(new ConfigOverride("dataDir", dataDir.toString(), "--data-dir"));
        HeadwaterConfig loaded = ConfigLoader.load(file, env, overrides);
        return loaded.withDataDir(loaded.dataDir().toAbsolutePath().normalize());
    }

    /** Opens (and migrates) the configured store; the caller closes it. */
    Database open(Map<String, String> env) {
        HeadwaterConfig loaded = load(env);
        quietLogs(env);
        return Database.open(loaded.database().toDatabaseConfig(loaded.dataDir())
                .withPoolSize(Math.min(POOL_SIZE, loaded.database().poolSize())));
    }

    /**
     * A script reads stdout and expects stderr to be empty unless something failed: the store's and the pool's
     * start-up messages are information for a server's log, so commands log warnings only, unless
     * HEADWATER_LOG_LEVEL asks for more.
     */
    private static void quietLogs(Map<String, String> env) {
        if (!env.containsKey("HEADWATER_LOG_LEVEL")
                && LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
        }
    }

    /**
     * Encryption at rest of {@code database} (opened by {@link #open}) under the master key the server uses: for
     * repositories that seal. Values stored in plaintext before are sealed on the way.
     */
    FieldCipher cipher(Database database, Map<String, String> env) {
        return AtRest.open(load(env), database, env, Clock.systemUTC()).cipher();
    }

    boolean json() {
        return json;
    }

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }
}
