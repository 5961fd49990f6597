package headwater.app.ffmpeg;

import headwater.app.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the ffmpeg to run: {@code ffmpeg.path} from the configuration, else the first {@code ffmpeg} on the PATH,
 * else the one bundled in the build, so that a fresh machine needs nothing but a JDK. A configured path that does not
 * work is an error rather than a reason to fall back silently.
 */
public final class FfmpegLocator {

    private static final Logger LOG = LoggerFactory.getLogger(FfmpegLocator.class);

    private final Optional<Path> configured;
    private final String searchPath;
    private final Supplier<Optional<Path>> bundled;

    /**
     * @param configured {@code ffmpeg.path}, if set
     * @param searchPath the PATH to search (the value of the environment variable; may be empty)
     * @param bundled    extracts the bundled executable ({@link BundledFfmpeg#extract})
     */
    public FfmpegLocator(Optional<Path> configured, String searchPath, Supplier<Optional<Path>> bundled) {
        this.configured = configured;
        this.searchPath = searchPath == null ? "" : searchPath;
        this.bundled = bundled;
    }

    /** The locator for this process: its PATH and the bundled build. */
    public static FfmpegLocator forThisProcess(Optional<Path> configured) {
        return new FfmpegLocator(configured, System.getenv().getOrDefault("PATH", ""), BundledFfmpeg::extract);
    }

    public Ffmpeg locate() {
        Ffmpeg found = find();
        LOG.info("Using ffmpeg {} ({})", found.executable(), found.reason());
        return found;
    }

    private Ffmpeg find() {
        if (configured.isPresent()) {
            Path path = configured.get().toAbsolutePath();
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new ConfigException("ffmpeg.path " + configured.get() + " is not an executable file");
            }
            return new Ffmpeg(path, FfmpegOrigin.CONFIG, "ffmpeg.path is set");
        }
        Optional<Path> onPath = ProgramSearch.onPath(searchPath, "ffmpeg");
        if (onPath.isPresent()) {
            return new Ffmpeg(onPath.get().toAbsolutePath(), FfmpegOrigin.PATH,
                    "ffmpeg.path is not set; found on PATH in " + onPath.get().getParent());
        }
        return bundled.get()
                .map(path -> new Ffmpeg(path, FfmpegOrigin.BUNDLED,
                        "ffmpeg.path is not set and there is no ffmpeg on PATH; using the build's bundled org.bytedeco:ffmpeg"))
                .orElseThrow(() -> new IllegalStateException("no ffmpeg found: ffmpeg.path is not set, there is no ffmpeg on "
                        + "PATH, and the bundled org.bytedeco:ffmpeg cannot run on this machine; install ffmpeg or set ffmpeg.path"));
    }
}
