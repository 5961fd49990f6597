package headwater.app.cli;

import headwater.app.HeadwaterServer;
import headwater.app.config.ConfigLoader;
import headwater.app.config.ConfigOverride;
import headwater.app.config.HeadwaterConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code headwater serve}: runs the configured channels until Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Run the channels of the configuration and the enabled channels of the catalogue (the database), and serve"
                    + " them as HLS and MPEG-TS over HTTP until Ctrl-C. Channels added, changed or disabled in the"
                    + " catalogue (`headwater channel ...`) start, restart or stop within seconds.",
            "",
            "The configuration is loaded in this order, each step winning over the one before: the defaults,"
                    + " the YAML file (--config, else ./headwater.yml when present), HEADWATER_* environment"
                    + " variables, then these options. Every key is documented in headwater.example.yml.",
            ""
        },
        footerHeading = "%n",
        footer = {
            "Examples:",
            "  headwater serve --config /etc/headwater.yml",
            "  HEADWATER_SERVER_PORT=9000 headwater serve"
        })
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (default: ./headwater.yml when present).")
    Path config;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (server.host, default 127.0.0.1).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port to listen on, 0 for any free port (server.port, default 8080).")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where segments and state live (dataDir; default: headwater-data).")
    Path dataDir;

    private final Map<String, String> env;

    ServeCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        Optional<Path> file = ConfigLoader.locateFile(Optional.ofNullable(config), Path.of("").toAbsolutePath());
        HeadwaterConfig loaded = ConfigLoader.load(file, env, overrides());
        LOG.info("Configuration: {}; {} channels, database {}", file.map(Path::toString)
                .orElse("defaults and environment only"), loaded.channels().size(), loaded.database().describeUrl());
        Ffmpeg ffmpeg = FfmpegLocator.forThisProcess(loaded.ffmpeg().path()).locate();
        HeadwaterServer server = HeadwaterServer.start(loaded, ffmpeg);
        Banner.print(spec.commandLine().getOut(), server, "Headwater is serving " + server.runningChannels().size()
                + " channels.");
        UntilShutdown.await(server);
        return 0;
    }

    private List<ConfigOverride> overrides() {
        List<ConfigOverride> list = new ArrayList<>();
        if (host != null) {
            list.add(new ConfigOverride("server.host", host, "--host"));
        }
        if (port != null) {
            list.add(new ConfigOverride("server.port", port.toString(), "--port"));
        }
        if (dataDir != null) {
            list.add(new ConfigOverride("dataDir", dataDir.toString(), "--data-dir"));
        }
        return list;
    }
}
