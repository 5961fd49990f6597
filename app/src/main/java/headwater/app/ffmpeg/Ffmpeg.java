package headwater.app.ffmpeg;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An ffmpeg executable that Headwater will run, and why it was chosen.
 *
 * @param executable absolute path of the binary
 * @param origin     where it was found
 * @param reason     one sentence for the log, such as "ffmpeg.path is set"
 */
public record Ffmpeg(Path executable, FfmpegOrigin origin, String reason) {

    public Ffmpeg {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reason, "reason");
    }

    /** The ffprobe beside this ffmpeg, if there is one (Debian's and the bundled build both ship it). */
    public java.util.Optional<Path> ffprobe() {
        Path probe = executable.resolveSibling("ffprobe");
        return java.nio.file.Files.isExecutable(probe) ? java.util.Optional.of(probe) : java.util.Optional.empty();
    }
}
