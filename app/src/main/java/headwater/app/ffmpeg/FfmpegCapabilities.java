package headwater.app.ffmpeg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an ffmpeg binary can do, read from {@code -encoders} and {@code -filters}. Debian's build has libx264 and
 * libx265; the bundled one has libopenh264 but neither x264 nor x265; both have aac, ac3, drawtext, testsrc2, sine.
 */
public record FfmpegCapabilities(Set<String> encoders, Set<String> filters) {

    /** A line of {@code -encoders}: six flag characters, then the name ({@code " V....D libx264  libx264 H.264 ..."}). */
    private static final Pattern ENCODER = Pattern.compile("^ [VAS.][F.][S.][X.][B.][D.] (\\S+)\\s");
    /** A line of {@code -filters}: two or three flag characters, the name, then the pads ({@code " T. drawtext V->V ..."}). */
    private static final Pattern FILTER = Pattern.compile("^ [T.][S.]?[C.]? (\\S+)\\s+\\S*->\\S*");

    public FfmpegCapabilities {
        encoders = Set.copyOf(encoders);
        filters = Set.copyOf(filters);
    }

    public static FfmpegCapabilities probe(Path ffmpeg) {
        return new FfmpegCapabilities(
                names(run(ffmpeg, "-encoders"), ENCODER),
                names(run(ffmpeg, "-filters"), FILTER));
    }

    public boolean hasEncoder(String name) {
        return encoders.contains(name);
    }

    public boolean hasFilter(String name) {
        return filters.contains(name);
    }

    private static Set<String> names(String listing, Pattern line) {
        return listing.lines().map(line::matcher).filter(Matcher::find).map(m -> m.group(1)).collect(Collectors.toSet());
    }

    private static String run(Path ffmpeg, String list) {
        ProcessBuilder builder = new ProcessBuilder(List.of(ffmpeg.toString(), "-hide_banner", list))
                .redirectErrorStream(true);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(ffmpeg + " " + list + " did not finish within 30 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(ffmpeg + " " + list + " failed with exit code " + process.exitValue()
                        + ": " + out.lines().reduce((a, b) -> b).orElse("") + missingLibraryHint(out));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + ffmpeg + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + ffmpeg + " " + list, e);
        }
    }

    /**
     * The bundled org.bytedeco ffmpeg links libavdevice, which needs the system's libpulse.so.0; minimal server images
     * lack it. Say what to install rather than leave the dynamic loader's line alone.
     */
    static String missingLibraryHint(String output) {
        if (!output.contains("error while loading shared libraries")) {
            return "";
        }
        return output.contains("libpulse")
                ? " (the bundled ffmpeg needs PulseAudio's client library: install Debian's libpulse0, or an ffmpeg of"
                        + " the system's, or set ffmpeg.path)"
                : " (a shared library is missing: install an ffmpeg of the system's, or set ffmpeg.path)";
    }
}
