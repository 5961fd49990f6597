package headwater.app;

import headwater.app.demo.DemoFont;
import headwater.app.demo.DemoLoop;
import headwater.app.demo.DemoMedia;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegCapabilities;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The SD demo loop (640x360 H.264 + AAC), rendered by the real ffmpeg into a test's directory. */
final class DemoLoops {

    /** The loop {@link #sd} renders. */
    static final DemoLoop SD = DemoLoop.standard().get(1);

    private DemoLoops() {
    }

    /** Renders six seconds of the SD loop under {@code dir/demo}. */
    static Path sd(Ffmpeg ffmpeg, Path dir) {
        return new DemoMedia(ffmpeg, FfmpegCapabilities.probe(ffmpeg.executable()),
                DemoFont.locate(Optional.empty(), DemoFont.COMMON), dir.resolve("demo"), Duration.ofSeconds(6))
                .render(List.of(SD)).getFirst();
    }
}
