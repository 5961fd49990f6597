package headwater.app.config;

import java.nio.file.Path;
import java.util.Optional;

/** Which ffmpeg to run; when {@code path} is empty, the one on PATH, else the one bundled in the build. */
public record FfmpegConfig(Optional<Path> path) {

    public FfmpegConfig {
        path = path == null ? Optional.empty() : path;
    }

    public static FfmpegConfig defaults() {
        return new FfmpegConfig(Optional.empty());
    }
}
