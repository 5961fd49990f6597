package headwater.app.ffmpeg;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The two places an FFmpeg program (ffmpeg, ffprobe) is looked for after the configuration: the PATH and the jar. */
public final class ProgramSearch {

    private static final Logger LOG = LoggerFactory.getLogger(ProgramSearch.class);

    private ProgramSearch() {
    }

    /**
     * The first executable regular file {@code name} in the directories of {@code searchPath}, as the PATH entry
     * names it (its parent is the entry).
     */
    public static Optional<Path> onPath(String searchPath, String name) {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (InvalidPathException e) {
                LOG.debug("Skipping PATH entry {}: {}", dir, e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * The program that the {@code org.bytedeco:ffmpeg} jar bundles for {@code program} (its class
     * {@code org.bytedeco.ffmpeg.ffmpeg} or {@code org.bytedeco.ffmpeg.ffprobe}), extracted under
     * {@code ~/.javacpp/cache}; empty when this platform has no bundled build or it cannot run here.
     */
    public static Optional<Path> bundled(Class<?> program) {
        try {
            String path = org.bytedeco.javacpp.Loader.load(program);
            if (path == null) {
                return Optional.empty();
            }
            Path executable = Path.of(path);
            return Files.isExecutable(executable) ? Optional.of(executable) : Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("The bundled {} cannot be used on this machine: {}", program.getSimpleName(), e.toString());
            return Optional.empty();
        }
    }
}
