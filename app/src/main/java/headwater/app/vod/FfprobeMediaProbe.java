package headwater.app.vod;

import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.MediaProbe;
import headwater.domain.vod.MediaProbeException;
import headwater.domain.vod.MediaProbeException.Reason;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MediaProbe} by ffprobe: {@code ffprobe -v error -print_format json -show_format -show_streams SOURCE}, run
 * without a shell, stdin from {@code /dev/null}, output to temporary files (a chatty ffprobe never blocks on a full
 * pipe), killed with its children after the time limit.
 *
 * <p>Local files are checked first (missing, a directory, unreadable) for a precise answer, and given to ffprobe as
 * {@code file:PATH} with only the {@code file} protocol allowed, so a playlist or concat file cannot make it fetch
 * anything else. http(s) URLs go through ffprobe's own network stack with {@code -rw_timeout} and only http(s)
 * protocols allowed. The source is probed as the operator gave it; the caller decides which sources are allowed.
 */
public final class FfprobeMediaProbe implements MediaProbe {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** ffprobe's JSON for a file with many streams and tags is a few hundred kilobytes at most. */
    static final long MAX_OUTPUT_BYTES = 16L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(FfprobeMediaProbe.class);

    private final Path ffprobe;
    private final Duration timeout;

    /**
     * @param timeout for the whole run; network reads and writes also give up after it ({@code -rw_timeout})
     */
    public FfprobeMediaProbe(Path ffprobe, Duration timeout) {
        this.ffprobe = Objects.requireNonNull(ffprobe, "ffprobe");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the ffprobe timeout must be positive, got " + timeout);
        }
    }

    @Override
    public MediaInfo probe(URI source) {
        Objects.requireNonNull(source, "source");
        String scheme = source.getScheme() == null ? "" : source.getScheme().toLowerCase(Locale.ROOT);
        List<String> argv = new ArrayList<>(List.of(ffprobe.toString(), "-hide_banner", "-v", "error",
                "-print_format", "json", "-show_format", "-show_streams"));
        switch (scheme) {
            case "file" -> argv.addAll(List.of("-protocol_whitelist", "file", "file:" + localFile(source)));
            case "http", "https" -> {
                if (source.getHost() == null) {
                    throw new MediaProbeException(source, Reason.UNSUPPORTED_SOURCE, "the URL has no host");
                }
                argv.addAll(List.of("-rw_timeout", String.valueOf(timeout.toNanos() / 1000),
                        "-protocol_whitelist", "http,https,tcp,tls,crypto", source.toString()));
            }
            default -> throw new MediaProbeException(source, Reason.UNSUPPORTED_SOURCE, "the scheme \""
                    + source.getScheme() + "\" is not one of file, http, https");
        }
        Run run = run(source, argv);
        if (run.exitCode != 0) {
            throw failure(source, run.stderr);
        }
        return FfprobeJson.parse(source, run.stdout);
    }

    /** The existing, readable regular file a {@code file:} URI names. */
    private static Path localFile(URI source) {
        Path path;
        try {
            path = Path.of(source);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw new MediaProbeException(source, Reason.UNSUPPORTED_SOURCE, "it is not a local file URI such as "
                    + "file:///srv/media/film.mkv (" + e.getMessage() + ")");
        }
        if (!Files.exists(path)) {
            throw new MediaProbeException(source, Reason.NOT_FOUND, "there is no file " + path);
        }
        if (Files.isDirectory(path)) {
            throw new MediaProbeException(source, Reason.NOT_MEDIA, path + " is a directory, not a media file");
        }
        if (!Files.isRegularFile(path)) {
            throw new MediaProbeException(source, Reason.NOT_MEDIA, path + " is not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new MediaProbeException(source, Reason.NOT_READABLE, "this process may not read " + path);
        }
        return path.toAbsolutePath();
    }

    /**
     * What ffprobe's last error line says, as a reason. With {@code -v error} it prints only errors, ending with the
     * one that made it stop ({@code "file:/x.mkv: Invalid data found when processing input"}).
     */
    static MediaProbeException failure(URI source, String stderr) {
        String last = stderr.lines().map(String::strip).filter(line -> !line.isEmpty()).reduce((a, b) -> b).orElse("");
        String said = "ffprobe: " + abbreviate(withoutSource(last));
        String lower = stderr.toLowerCase(Locale.ROOT);
        String refusedProtocol = stderr.lines().filter(line -> line.contains("not on whitelist")).findFirst()
                .map(line -> line.replaceFirst("^\\[[^\\]]*\\] ", "").strip()).orElse(null);
        if (refusedProtocol != null) {
            return new MediaProbeException(source, Reason.UNSUPPORTED_SOURCE, "it refers to media by a protocol "
                    + "this source may not use (ffprobe: " + abbreviate(refusedProtocol) + ")");
        }
        if (lower.contains("invalid data found when processing input")) {
            return new MediaProbeException(source, Reason.NOT_MEDIA, "it is not a media file (" + said + ")");
        }
        if (lower.contains("404 not found") || lower.contains("no such file or directory")) {
            return new MediaProbeException(source, Reason.NOT_FOUND, "it does not exist (" + said + ")");
        }
        if (lower.contains("401 unauthorized") || lower.contains("403 forbidden") || lower.contains("permission denied")
                || lower.contains("connection refused")) {
            return new MediaProbeException(source, Reason.NOT_READABLE, "access was refused (" + said + ")");
        }
        if (lower.contains("timed out") || lower.contains("timeout")) {
            return new MediaProbeException(source, Reason.TIMEOUT, "the source did not answer in time (" + said + ")");
        }
        return new MediaProbeException(source, Reason.PROBER_FAILED, said.equals("ffprobe: ")
                ? "ffprobe failed without a message" : said);
    }

    /** ffprobe starts error lines with the input it was given; a URL there could carry credentials. */
    private static String withoutSource(String line) {
        int colon = line.lastIndexOf(": ");
        return colon >= 0 && (line.startsWith("file:") || line.startsWith("http")) ? line.substring(colon + 2) : line;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }

    private Run run(URI source, List<String> argv) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("headwater-ffprobe-", ".json");
            err = Files.createTempFile("headwater-ffprobe-", ".err");
            Process process = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            boolean exited;
            try {
                exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                kill(process);
                Thread.currentThread().interrupt();
                throw new MediaProbeException(source, Reason.PROBER_FAILED, "interrupted while ffprobe ran", e);
            }
            if (!exited) {
                kill(process);
                throw new MediaProbeException(source, Reason.TIMEOUT, "ffprobe did not finish within "
                        + timeout.toMillis() + " ms and was stopped");
            }
            if (Files.size(out) > MAX_OUTPUT_BYTES || Files.size(err) > MAX_OUTPUT_BYTES) {
                throw new MediaProbeException(source, Reason.PROBER_FAILED, "ffprobe printed more than "
                        + MAX_OUTPUT_BYTES + " bytes");
            }
            return new Run(process.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MediaProbeException(source, Reason.PROBER_FAILED, "cannot run " + ffprobe + ": " + e.getMessage(),
                    e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("Cannot delete the temporary file {}: {}", file, e.toString());
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }
}
