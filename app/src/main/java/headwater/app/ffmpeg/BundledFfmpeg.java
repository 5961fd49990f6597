package headwater.app.ffmpeg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ffmpeg executable inside the {@code org.bytedeco:ffmpeg} jar (the LGPL linux-x86_64 build: libopenh264, aac,
 * ac3 and eac3 encoders, no x264 or x265). The first call extracts it under {@code ~/.javacpp/cache} (about half a
 * second); later calls and later runs reuse the extracted file.
 */
public final class BundledFfmpeg {

    private static final Logger LOG = LoggerFactory.getLogger(BundledFfmpeg.class);

    private BundledFfmpeg() {
    }

    /** The extracted executable, or empty when this platform has no bundled build or extraction fails. */
    public static Optional<Path> extract() {
        try {
            String path = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
            if (path == null) {
                return Optional.empty();
            }
            Path executable = Path.of(path);
            return Files.isExecutable(executable) ? Optional.of(executable) : Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("The bundled ffmpeg cannot be used on this machine: {}", e.toString());
            return Optional.empty();
        }
    }
}
