package headwater.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's {@code ffmpeg} from PATH, run without a shell, with a timeout and stderr captured.
 * {@link #require()} skips the calling test when ffmpeg is missing (fails it under {@code CI=true}).
 */
public final class Ffmpeg {

    /** Generous: a short test render takes a second or two, but the 2-core build machine is shared. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final Path executable;

    private Ffmpeg(Path executable) {
        this.executable = executable;
    }

    public static Ffmpeg require() {
        return new Ffmpeg(Tools.requireFfmpeg());
    }

    public Path executable() {
        return executable;
    }

    /** Runs {@code ffmpeg -hide_banner -nostdin <args>}; a non-zero exit throws with the end of stderr. */
    public CommandResult run(Duration timeout, List<String> args) {
        List<String> argv = new ArrayList<>(args.size() + 3);
        argv.add(executable.toString());
        argv.add("-hide_banner");
        argv.add("-nostdin");
        argv.addAll(args);
        return ExternalCommand.run(argv, timeout).orThrow();
    }

    public CommandResult run(String... args) {
        return run(DEFAULT_TIMEOUT, List.of(args));
    }

    /**
     * Renders a moving test pattern (H.264 Constrained Baseline, 25 fps, a keyframe every second) with a 1 kHz AAC tone
     * into a single MPEG-TS file.
     */
    public Path renderTestPatternTs(Path file, int width, int height, Duration length) {
        List<String> args = new ArrayList<>(testPatternInputs(width, height, length));
        args.addAll(List.of("-f", "mpegts", file.toString()));
        run(DEFAULT_TIMEOUT, args);
        return file;
    }

    /**
     * Renders the same test pattern as a VOD HLS rendition ({@code index.m3u8} and {@code segNNN.ts}) into
     * {@code dir}, cut by ffmpeg's own HLS muxer; returns the playlist.
     */
    public Path renderTestPatternHls(Path dir, int width, int height, Duration length, Duration segment) {
        Path playlist = dir.resolve("index.m3u8");
        List<String> args = new ArrayList<>(testPatternInputs(width, height, length));
        args.addAll(List.of("-f", "hls", "-hls_time", seconds(segment), "-hls_list_size", "0",
                "-hls_playlist_type", "vod", "-hls_segment_filename", dir.resolve("seg%03d.ts").toString(),
                playlist.toString()));
        run(DEFAULT_TIMEOUT, args);
        return playlist;
    }

    private static List<String> testPatternInputs(int width, int height, Duration length) {
        return List.of("-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=25",
                "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000",
                "-t", seconds(length),
                "-c:v", "libx264", "-preset", "ultrafast", "-profile:v", "baseline", "-pix_fmt", "yuv420p",
                "-g", "25", "-keyint_min", "25", "-sc_threshold", "0", "-threads", "1",
                "-c:a", "aac", "-b:a", "64k", "-ac", "2");
    }

    private static String seconds(Duration d) {
        return String.valueOf(d.toMillis() / 1000.0);
    }
}
