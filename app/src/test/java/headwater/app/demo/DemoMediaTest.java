package headwater.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import headwater.app.ffmpeg.BundledFfmpeg;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegCapabilities;
import headwater.app.ffmpeg.FfmpegOrigin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders the real demo recipes with real ffmpeg builds (4 s loops instead of 30 s) and checks them with ffprobe. */
class DemoMediaTest {

    private static final Duration SHORT = Duration.ofSeconds(4);
    private static final Path FFPROBE = Path.of("/usr/bin/ffprobe");
    private static final Optional<Path> FONT = DemoFont.locate(Optional.empty(), DemoFont.COMMON);

    @Test
    void debian_ffmpeg_renders_the_three_loops_with_x264(@TempDir Path dir) throws Exception {
        Ffmpeg ffmpeg = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "test");
        DemoMedia media = new DemoMedia(ffmpeg, FfmpegCapabilities.probe(ffmpeg.executable()), FONT, dir, SHORT);

        List<Path> files = media.render(DemoLoop.standard());

        assertThat(files).containsExactly(dir.resolve("demo-720p.ts"), dir.resolve("demo-sd.ts"), dir.resolve("demo-ac3.ts"));
        assertStreams(files.get(0), "h264", "Main", 1280, 720, "aac", 2);
        assertStreams(files.get(1), "h264", "Main", 640, 360, "aac", 2);
        assertStreams(files.get(2), "h264", "Main", 960, 540, "ac3", 6);
        for (Path file : files) {
            assertThat(keyframeTimes(file)).as(file.toString()).containsExactly(0.0, 2.0);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void a_loop_already_rendered_by_the_same_recipe_is_kept_and_a_damaged_one_is_rendered_again(@TempDir Path dir) throws Exception {
        Ffmpeg ffmpeg = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "test");
        List<DemoLoop> sd = List.of(DemoLoop.standard().get(1));
        DemoMedia media = new DemoMedia(ffmpeg, FfmpegCapabilities.probe(ffmpeg.executable()), FONT, dir, SHORT);
        Path file = media.render(sd).getFirst();
        FileTime marked = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, marked);

        media.render(sd);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(marked);

        Files.write(file, new byte[] {0x47, 1, 2}); // truncated, as if a copy broke off
        media.render(sd);
        assertThat(Files.size(file) % 188).isZero();
        assertStreams(file, "h264", "Main", 640, 360, "aac", 2);
    }

    @Test
    void the_bundled_ffmpeg_renders_with_openh264(@TempDir Path dir) throws Exception {
        Path bundled = BundledFfmpeg.extract().orElseThrow();
        Ffmpeg ffmpeg = new Ffmpeg(bundled, FfmpegOrigin.BUNDLED, "test");
        DemoMedia media = new DemoMedia(ffmpeg, FfmpegCapabilities.probe(bundled), FONT, dir, SHORT);

        Path file = media.render(List.of(DemoLoop.standard().get(2))).getFirst();

        assertStreams(file, "h264", "Constrained Baseline", 960, 540, "ac3", 6);
        assertThat(keyframeTimes(file)).containsExactly(0.0, 2.0);
    }

    private static void assertStreams(Path file, String video, String profile, int width, int height, String audio,
                                      int channels) throws Exception {
        JsonNode streams = new ObjectMapper().readTree(ffprobe(file, "-show_entries",
                "stream=codec_type,codec_name,profile,width,height,channels,r_frame_rate", "-of", "json")).get("streams");
        assertThat(streams).hasSize(2);
        JsonNode v = streams.get(0).get("codec_type").asText().equals("video") ? streams.get(0) : streams.get(1);
        JsonNode a = v == streams.get(0) ? streams.get(1) : streams.get(0);
        assertThat(v.get("codec_name").asText()).isEqualTo(video);
        assertThat(v.get("profile").asText()).isEqualTo(profile);
        assertThat(v.get("width").asInt()).isEqualTo(width);
        assertThat(v.get("height").asInt()).isEqualTo(height);
        assertThat(v.get("r_frame_rate").asText()).isEqualTo("25/1");
        assertThat(a.get("codec_name").asText()).isEqualTo(audio);
        assertThat(a.get("channels").asInt()).isEqualTo(channels);
    }

    /** Presentation times of the video keyframes, relative to the first frame, in seconds. */
    private static List<Double> keyframeTimes(Path file) throws Exception {
        String csv = ffprobe(file, "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0");
        List<Double> times = new ArrayList<>();
        double first = Double.NaN;
        for (String line : csv.lines().filter(l -> !l.isBlank()).toList()) {
            String[] parts = line.split(",");
            double pts = Double.parseDouble(parts[0]);
            first = Double.isNaN(first) ? pts : Math.min(first, pts);
            if (parts[1].startsWith("K")) {
                times.add(pts);
            }
        }
        double origin = first;
        return times.stream().map(t -> Math.round((t - origin) * 1000) / 1000.0).toList();
    }

    private static String ffprobe(Path file, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(FFPROBE.toString(), "-v", "error"));
        command.addAll(List.of(args));
        command.add(file.toString());
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("ffprobe exit code for %s", file).isZero();
        return out;
    }
}
