package headwater.app.vod;

import headwater.app.ffmpeg.ProgramSearch;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The ffprobe executable inside the {@code org.bytedeco:ffmpeg} jar (it ships {@code ffprobe} beside {@code ffmpeg},
 * class {@code org.bytedeco.ffmpeg.ffprobe}). The first call extracts it under {@code ~/.javacpp/cache}.
 */
public final class BundledFfprobe {

    private BundledFfprobe() {
    }

    /** The extracted executable, or empty when this platform has no bundled build or extraction fails. */
    public static Optional<Path> extract() {
        return ProgramSearch.bundled(org.bytedeco.ffmpeg.ffprobe.class);
    }
}
