package headwater.app.vod;

import headwater.app.config.ConfigException;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.app.ffmpeg.ProgramSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the ffprobe to run, in the order ffmpeg is found: a configured path, else the first {@code ffprobe} on the
 * PATH, else the one bundled in the build. A configured path that does not work is an error rather than a reason to
 * fall back silently.
 */
public final class FfprobeLocator {

    private static final Logger LOG = LoggerFactory.getLogger(FfprobeLocator.class);

    private final Optional<Path> configured;
    private final String searchPath;
    private final Supplier<Optional<Path>> bundled;

    /**
     * @param configured the configured ffprobe, if set
     * @param searchPath the PATH to search (the value of the environment variable; may be empty)
     * @param bundled    extracts the bundled executable ({@link BundledFfprobe#extract})
     */
    public FfprobeLocator(Optional<Path> configured, String searchPath, Supplier<Optional<Path>> bundled) {
        this.configured = configured;
        this.searchPath = searchPath == null ? "" : searchPath;
        this.bundled = bundled;
    }

    /** The locator for this process: its PATH and the bundled build. */
    public static FfprobeLocator forThisProcess(Optional<Path> configured) {
        return new FfprobeLocator(configured, System.getenv().getOrDefault("PATH", ""), BundledFfprobe::extract);
    }

    /**
     * @throws ConfigException       the configured path is not an executable file
     * @throws IllegalStateException there is no ffprobe at all
     */
    public Ffprobe locate() {
        Ffprobe found = find();
        LOG.info("Using ffprobe {} ({})", found.executable(), found.reason());
        return found;
    }

    private Ffprobe find() {
        if (configured.isPresent()) {
            Path path = configured.get().toAbsolutePath();
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new ConfigException("ffprobe path " + configured.get() + " is not an executable file");
            }
            return new Ffprobe(path, FfmpegOrigin.CONFIG, "the ffprobe path is configured");
        }
        Optional<Path> onPath = ProgramSearch.onPath(searchPath, "ffprobe");
        if (onPath.isPresent()) {
            return new Ffprobe(onPath.get().toAbsolutePath(), FfmpegOrigin.PATH,
                    "no ffprobe path is configured; found on PATH in " + onPath.get().getParent());
        }
        return bundled.get()
                .map(path -> new Ffprobe(path, FfmpegOrigin.BUNDLED, "no ffprobe path is configured and there is no "
                        + "ffprobe on PATH; using the build's bundled org.bytedeco:ffmpeg"))
                .orElseThrow(() -> new IllegalStateException("no ffprobe found: no path is configured, there is no "
                        + "ffprobe on PATH, and the bundled org.bytedeco:ffmpeg cannot run on this machine; install "
                        + "ffmpeg (it brings ffprobe) or configure the path"));
    }
}
