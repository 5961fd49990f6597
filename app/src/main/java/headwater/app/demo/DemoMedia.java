package headwater.app.demo;

import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegCapabilities;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the demo's test loops with ffmpeg, once, into {@code <dataDir>/demo/}. While the demo runs, the headend
 * only repackages these files, so it costs what the packager costs, not what an encoder costs.
 *
 * <p>A loop is skipped when its file is present and was made by the same recipe (the ffmpeg arguments are stored
 * beside it in {@code <id>.recipe}). Each file is written under a temporary name and renamed when complete, so a crash
 * never leaves a half file behind. ffmpeg runs with low priority ({@code nice}) and at most two threads.
 */
public final class DemoMedia {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMedia.class);

    /** Length of each loop in the demo. */
    public static final Duration LOOP_LENGTH = Duration.ofSeconds(30);

    private static final Duration RENDER_TIMEOUT = Duration.ofMinutes(10);
    private static final int TS_PACKET = 188;

    private final Ffmpeg ffmpeg;
    private final FfmpegCapabilities capabilities;
    private final Optional<Path> font;
    private final Path directory;
    private final Duration length;
    private final Optional<Path> nice;

    /**
     * @param font      TrueType font for the burnt-in text ({@link DemoFont#locate}); empty renders no text
     * @param directory where the loops are written, such as {@code <dataDir>/demo}
     * @param length    length of each loop, a whole number of seconds (30 s in the demo; shorter in tests)
     */
    public DemoMedia(Ffmpeg ffmpeg, FfmpegCapabilities capabilities, Optional<Path> font, Path directory, Duration length) {
        if (length.toMillis() % 1000 != 0 || length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("loop length must be a whole, positive number of seconds, got " + length);
        }
        this.ffmpeg = ffmpeg;
        this.capabilities = capabilities;
        this.font = font;
        this.directory = directory;
        this.length = length;
        this.nice = findNice();
    }

    /** Renders every loop not yet on disk; returns the path of each loop's file, in order. */
    public List<Path> render(List<DemoLoop> loops) {
        if (font.isEmpty()) {
            LOG.warn("No font found for the demo's burnt-in channel name and clock (set demo.fontFile, or install "
                    + "fonts-dejavu-core); rendering the test loops without text");
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new DemoRenderException("cannot create the demo directory " + directory + ": " + e.getMessage(), e);
        }
        List<Path> files = new ArrayList<>();
        for (DemoLoop loop : loops) {
            files.add(renderOne(loop));
        }
        return files;
    }

    /**
     * The demo's film: {@code loop} (an already rendered loop) remuxed without re-encoding into an MP4 with its index
     * at the front ({@code <id>.mp4}), so that players can seek in it with byte ranges. Made once, reused after.
     */
    public Path film(DemoLoop loop) {
        Path source = directory.resolve(loop.fileName());
        Path target = directory.resolve(loop.id() + ".mp4");
        Path partial = directory.resolve(loop.id() + ".part.mp4");
        try {
            if (Files.isRegularFile(target) && Files.size(target) > 0
                    && Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(source)) >= 0) {
                return target;
            }
            List<String> command = List.of(ffmpeg.executable().toString(), "-hide_banner", "-nostdin",
                    "-loglevel", "error", "-y", "-i", source.toString(), "-map", "0", "-c", "copy",
                    "-movflags", "+faststart", "-f", "mp4", partial.toString());
            run(loop, command);
            move(partial, target);
        } catch (IOException e) {
            throw new DemoRenderException("cannot make the demo film " + target + ": " + e.getMessage(), e);
        }
        LOG.info("Demo film made from loop {}: {}", loop.id(), target);
        return target;
    }

    private Path renderOne(DemoLoop loop) {
        Path target = directory.resolve(loop.fileName());
        Path recipeFile = directory.resolve(loop.id() + ".recipe");
        Path partial = directory.resolve(loop.fileName() + ".part");
        String recipe = String.join(" ", command(loop, Path.of(loop.fileName()))) + "\n";
        if (isComplete(target, recipeFile, recipe)) {
            LOG.info("Demo loop {} is already rendered: {}", loop.id(), target);
            return target;
        }
        List<String> command = new ArrayList<>();
        nice.ifPresent(n -> command.addAll(List.of(n.toString(), "-n", "10")));
        command.addAll(command(loop, partial));
        long started = System.nanoTime();
        run(loop, command);
        try {
            if (!isTransportStream(partial)) {
                throw new DemoRenderException("ffmpeg wrote no valid MPEG-TS for demo loop " + loop.id() + " at " + partial);
            }
            Files.deleteIfExists(recipeFile);
            move(partial, target);
            Path recipePart = directory.resolve(loop.id() + ".recipe.part");
            Files.writeString(recipePart, recipe, StandardCharsets.UTF_8);
            move(recipePart, recipeFile);
        } catch (IOException e) {
            throw new DemoRenderException("cannot store demo loop " + loop.id() + " in " + directory + ": " + e.getMessage(), e);
        }
        LOG.info("Rendered demo loop {} ({} s, {}x{} H.264 with {} + {}) in {} ms: {}", loop.id(), length.toSeconds(),
                loop.width(), loop.height(), videoEncoder(loop).get(1), loop.audio().encoder(),
                (System.nanoTime() - started) / 1_000_000, target);
        return target;
    }

    /** The ffmpeg arguments that render {@code loop} to {@code output} (without the {@code nice} prefix). */
    List<String> command(DemoLoop loop, Path output) {
        List<String> args = new ArrayList<>(List.of(
                ffmpeg.executable().toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + loop.width() + "x" + loop.height() + ":rate=" + DemoLoop.FPS,
                "-f", "lavfi", "-i", "sine=frequency=" + loop.toneHz() + ":sample_rate=48000",
                "-t", String.valueOf(length.toSeconds()),
                "-map", "0:v", "-map", "1:a",
                "-filter_threads", "1", "-threads", "2"));
        font.ifPresent(f -> args.addAll(List.of("-vf", textOverlay(loop, f))));
        args.addAll(videoEncoder(loop));
        args.addAll(List.of(
                "-c:a", loop.audio().encoder(), "-b:a", loop.audioKbps() + "k", "-ac", String.valueOf(loop.audio().channels()),
                "-metadata", "service_provider=Headwater", "-metadata", "service_name=" + loop.name(),
                "-f", "mpegts", output.toString()));
        return args;
    }

    /** The channel name at the top left, the running clock (position in the loop) at the bottom left. */
    private static String textOverlay(DemoLoop loop, Path font) {
        int size = Math.max(16, loop.height() / 14);
        String box = ":fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=" + size / 4 + ":fontsize=" + size;
        return "drawtext=fontfile=" + font + ":text='" + loop.name() + "':x=" + size + ":y=" + size + box
                + ",drawtext=fontfile=" + font + ":text='%{pts\\:hms}':x=" + size + ":y=h-th-" + size + box;
    }

    private List<String> videoEncoder(DemoLoop loop) {
        String gop = String.valueOf(DemoLoop.GOP_FRAMES);
        String rate = loop.videoKbps() + "k";
        if (capabilities.hasEncoder("libx264")) {
            return List.of("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main", "-pix_fmt", "yuv420p",
                    "-g", gop, "-keyint_min", gop, "-sc_threshold", "0",
                    "-b:v", rate, "-maxrate", rate, "-bufsize", 2 * loop.videoKbps() + "k");
        }
        if (capabilities.hasEncoder("libopenh264")) {
            return List.of("-c:v", "libopenh264", "-profile:v", "constrained_baseline", "-pix_fmt", "yuv420p",
                    "-g", gop, "-rc_mode", "bitrate", "-allow_skip_frames", "0", "-b:v", rate);
        }
        throw new DemoRenderException("ffmpeg " + ffmpeg.executable() + " has no H.264 encoder (neither libx264 nor "
                + "libopenh264); set ffmpeg.path to one that has");
    }

    private void run(DemoLoop loop, List<String> command) {
        LOG.info("Rendering demo loop {} ({} s) with {}", loop.id(), length.toSeconds(), ffmpeg.executable());
        LOG.debug("Running {}", command);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DemoRenderException("cannot start " + command.getFirst() + ": " + e.getMessage(), e);
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            String log = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(RENDER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new DemoRenderException("ffmpeg did not finish demo loop " + loop.id() + " within " + RENDER_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                throw new DemoRenderException("ffmpeg failed on demo loop " + loop.id() + " with exit code "
                        + process.exitValue() + ": " + log.lines().reduce((a, b) -> b).orElse("(no output)"));
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw new DemoRenderException("lost ffmpeg's output while rendering demo loop " + loop.id() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DemoRenderException("interrupted while rendering demo loop " + loop.id(), e);
        }
    }

    private static boolean isComplete(Path target, Path recipeFile, String recipe) {
        try {
            return Files.isRegularFile(recipeFile)
                    && Files.readString(recipeFile, StandardCharsets.UTF_8).equals(recipe)
                    && isTransportStream(target);
        } catch (IOException e) {
            return false;
        }
    }

    /** Non-empty, a whole number of 188-byte packets, and starting with a sync byte. */
    private static boolean isTransportStream(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        long size = Files.size(file);
        if (size == 0 || size % TS_PACKET != 0) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x47;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Optional<Path> findNice() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, "nice");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
