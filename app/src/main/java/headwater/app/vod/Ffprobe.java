package headwater.app.vod;

import headwater.app.ffmpeg.FfmpegOrigin;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An ffprobe executable that Headwater will run, and why it was chosen.
 *
 * @param origin where it was found: the configuration, the PATH, or the bundled org.bytedeco build
 * @param reason one sentence for the log, such as "found on PATH in /usr/bin"
 */
public record Ffprobe(Path executable, FfmpegOrigin origin, String reason) {

    public Ffprobe {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reason, "reason");
    }
}
