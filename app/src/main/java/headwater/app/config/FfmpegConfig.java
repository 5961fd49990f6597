package headwater.app.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which ffmpeg and ffprobe to run; when a path is empty, the program on PATH, else the one bundled in the build.
 *
 * @param path        ffmpeg ({@code ffmpeg.path})
 * @param ffprobePath ffprobe, which reads the media info of films and episodes ({@code ffmpeg.ffprobePath})
 */
public record FfmpegConfig(Optional<Path> path, Optional<Path> ffprobePath) {

    public FfmpegConfig {
        path = path == null ? Optional.empty() : path;
        ffprobePath = ffprobePath == null ? Optional.empty() : ffprobePath;
    }

    /** Only ffmpeg configured; ffprobe is searched for. */
    public FfmpegConfig(Optional<Path> path) {
        this(path, Optional.empty());
    }

    public static FfmpegConfig defaults() {
        return new FfmpegConfig(Optional.empty(), Optional.empty());
    }
}
