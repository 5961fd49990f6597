package headwater.app.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.app.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each branch of the order config, PATH, bundled, with the real binaries of this machine. */
class FfmpegLocatorTest {

    /** Debian's ffmpeg, which the project's tests require (.ci/run installs it). */
    private static final Path SYSTEM_FFMPEG = Path.of("/usr/bin/ffmpeg");

    @Test
    void the_configured_path_comes_first() {
        Ffmpeg found = new FfmpegLocator(Optional.of(SYSTEM_FFMPEG), "/usr/bin", FfmpegLocatorTest::noBundle).locate();

        assertThat(found).isEqualTo(new Ffmpeg(SYSTEM_FFMPEG, FfmpegOrigin.CONFIG, "ffmpeg.path is set"));
    }

    @Test
    void a_configured_path_that_is_not_an_executable_is_an_error_not_a_fallback(@TempDir Path dir) throws Exception {
        Path notExecutable = Files.writeString(dir.resolve("ffmpeg"), "not a program");

        assertThatThrownBy(() -> new FfmpegLocator(Optional.of(notExecutable), "/usr/bin", FfmpegLocatorTest::noBundle).locate())
                .isInstanceOf(ConfigException.class)
                .hasMessage("ffmpeg.path " + notExecutable + " is not an executable file");
    }

    @Test
    void without_configuration_the_first_ffmpeg_on_path_is_used(@TempDir Path empty) {
        Ffmpeg found = new FfmpegLocator(Optional.empty(), empty + ":" + "/usr/bin", FfmpegLocatorTest::noBundle).locate();

        assertThat(found.executable()).isEqualTo(SYSTEM_FFMPEG);
        assertThat(found.origin()).isEqualTo(FfmpegOrigin.PATH);
        assertThat(found.reason()).isEqualTo("ffmpeg.path is not set; found on PATH in /usr/bin");
    }

    @Test
    void without_configuration_or_path_the_bundled_build_is_extracted_and_used(@TempDir Path empty) {
        Ffmpeg found = new FfmpegLocator(Optional.empty(), empty.toString(), BundledFfmpeg::extract).locate();

        assertThat(found.origin()).isEqualTo(FfmpegOrigin.BUNDLED);
        assertThat(found.executable()).isExecutable().endsWith(Path.of("ffmpeg"));
        FfmpegCapabilities bundled = FfmpegCapabilities.probe(found.executable());
        assertThat(bundled.encoders()).contains("libopenh264", "aac", "ac3", "eac3").doesNotContain("libx264", "libx265");
        assertThat(bundled.filters()).contains("drawtext", "testsrc2", "sine");
    }

    @Test
    void when_nothing_is_found_the_error_says_what_was_tried(@TempDir Path empty) {
        assertThatThrownBy(() -> new FfmpegLocator(Optional.empty(), empty.toString(), FfmpegLocatorTest::noBundle).locate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no ffmpeg found: ffmpeg.path is not set, there is no ffmpeg on PATH, and the bundled "
                        + "org.bytedeco:ffmpeg cannot run on this machine; install ffmpeg or set ffmpeg.path");
    }

    @Test
    void debian_ffmpeg_has_x264_and_x265() {
        FfmpegCapabilities debian = FfmpegCapabilities.probe(SYSTEM_FFMPEG);

        assertThat(debian.encoders()).contains("libx264", "libx265", "aac", "ac3");
        assertThat(debian.filters()).contains("drawtext", "testsrc2", "sine");
    }

    /** Stands for a platform where the bundled build cannot run: the one input this test cannot produce for real. */
    private static Optional<Path> noBundle() {
        return Optional.empty();
    }
}
