package headwater.app.ffmpeg;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The ffmpeg executable inside the {@code org.bytedeco:ffmpeg} jar (the LGPL linux-x86_64 build: libopenh264, aac,
 * ac3 and eac3 encoders, no x264 or x265). The first call extracts it under {@code ~/.javacpp/cache} (about half a
 * second); later calls and later runs reuse the extracted file.
 */
public final class BundledFfmpeg {

    private BundledFfmpeg() {
    }

    /** The extracted executable, or empty when this platform has no bundled build or extraction fails. */
    public static Optional<Path> extract() {
        return ProgramSearch.bundled(org.bytedeco.ffmpeg.ffmpeg.class);
    }
}
