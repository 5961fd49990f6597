package headwater.app.vod;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ffprobe executable inside the {@code org.bytedeco:ffmpeg} jar (it ships {@code ffprobe} beside {@code ffmpeg},
 * class {@code org.bytedeco.ffmpeg.ffprobe}). The first call extracts it under {@code ~/.javacpp/cache}.
 */
public final class BundledFfprobe {

    private static final Logger LOG = LoggerFactory.getLogger(BundledFfprobe.class);

    private BundledFfprobe() {
    }

    /** The extracted executable, or empty when this platform has no bundled build or extraction fails. */
    public static Optional<Path> extract() {
        try {
            String path = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
            if (path == null) {
                return Optional.empty();
            }
            Path executable = Path.of(path);
            return Files.isExecutable(executable) ? Optional.of(executable) : Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("The bundled ffprobe cannot be used on this machine: {}", e.toString());
            return Optional.empty();
        }
    }
}
