package headwater.app.cli;

import headwater.app.HeadwaterServer;
import headwater.app.config.ChannelConfig;
import headwater.app.config.ConfigLoader;
import headwater.app.config.ConfigOverride;
import headwater.app.config.HeadwaterConfig;
import headwater.app.demo.DemoFont;
import headwater.app.demo.DemoLoop;
import headwater.app.demo.DemoMedia;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegCapabilities;
import headwater.app.ffmpeg.FfmpegLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code headwater demo}: a complete server with three test channels and no configuration. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Start a complete server with three demo channels, then print the URLs to open. Stop it with Ctrl-C.",
            "",
            "The first run renders three 30 s test loops with ffmpeg (a moving test pattern with the channel name,"
                    + " a clock and a tone: 720p H.264 + AAC, 640x360 H.264 + AAC, 960x540 H.264 + AC-3 5.1) into"
                    + " <data-dir>/demo/; later runs reuse them. The channels play these files in an endless loop in"
                    + " real time, so the demo costs what repackaging costs, not what encoding costs.",
            "",
            "headwater.yml is not read; HEADWATER_* environment variables are (for example HEADWATER_FFMPEG_PATH).",
            ""
        })
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port to listen on, 0 for any free port (default 8080).")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the demo loops, segments and state live (default: headwater-data).")
    Path dataDir;

    private final Map<String, String> env;

    DemoCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        HeadwaterConfig config = demoConfig();
        Ffmpeg ffmpeg = FfmpegLocator.forThisProcess(config.ffmpeg().path()).locate();
        Path loops = config.dataDir().toAbsolutePath().resolve("demo");
        DemoMedia media = new DemoMedia(ffmpeg, FfmpegCapabilities.probe(ffmpeg.executable()),
                DemoFont.locate(config.demo().fontFile(), DemoFont.COMMON), loops, DemoMedia.LOOP_LENGTH);
        List<Path> files = media.render(DemoLoop.standard());
        List<ChannelConfig> channels = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            DemoLoop loop = DemoLoop.standard().get(i);
            channels.add(new ChannelConfig(loop.id(), loop.name(), List.of(files.get(i).toUri()), Optional.empty(),
                    Optional.empty()));
        }
        HeadwaterServer server = HeadwaterServer.start(config.withChannels(channels), ffmpeg);
        // Players start on a few segments; print the URLs once opening them works.
        spec.commandLine().getErr().println("headwater: waiting for the first segments of each channel...");
        if (!server.awaitSegments(3, config.hls().targetDuration().multipliedBy(3).plusSeconds(20))) {
            spec.commandLine().getErr().println("headwater: some channels have no segments yet; they may take a moment");
        }
        Banner.print(spec.commandLine().getOut(), server, "The Headwater demo is running with "
                + channels.size() + " channels.");
        UntilShutdown.await(server);
        return 0;
    }

    /** Defaults and HEADWATER_* variables, the options, and no channels yet (the demo brings its own). */
    HeadwaterConfig demoConfig() {
        List<ConfigOverride> overrides = new ArrayList<>();
        if (port != null) {
            overrides.add(new ConfigOverride("server.port", port.toString(), "--port"));
        }
        if (dataDir != null) {
            overrides.add(new ConfigOverride("dataDir", dataDir.toString(), "--data-dir"));
        }
        Map<String, String> withoutChannels = new java.util.TreeMap<>(env);
        withoutChannels.keySet().removeIf(name -> name.startsWith("HEADWATER_CHANNELS_"));
        return ConfigLoader.load(Optional.empty(), withoutChannels, overrides);
    }
}
