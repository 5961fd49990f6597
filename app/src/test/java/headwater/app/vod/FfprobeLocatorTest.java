package headwater.app.vod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.app.config.ConfigException;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.domain.vod.MediaInfo;
import headwater.testkit.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each branch of the order configured path, PATH, bundled, with the real ffprobe programs of this machine. */
class FfprobeLocatorTest {

    @Test
    void a_configured_path_comes_first(@TempDir Path empty) {
        Path debian = Tools.requireFfprobe();

        Ffprobe found = new FfprobeLocator(Optional.of(debian), empty.toString(), FfprobeLocatorTest::noBundle).locate();

        assertThat(found).isEqualTo(new Ffprobe(debian.toAbsolutePath(), FfmpegOrigin.CONFIG,
                "the ffprobe path is configured"));
    }

    @Test
    void a_configured_path_that_is_not_an_executable_is_an_error_not_a_fallback(@TempDir Path dir) throws IOException {
        Path notExecutable = Files.writeString(dir.resolve("ffprobe"), "not a program");

        assertThatThrownBy(() -> new FfprobeLocator(Optional.of(notExecutable), "/usr/bin",
                FfprobeLocatorTest::noBundle).locate())
                .isInstanceOf(ConfigException.class)
                .hasMessage("ffprobe path " + notExecutable + " is not an executable file");
    }

    @Test
    void without_configuration_the_first_ffprobe_on_path_is_used(@TempDir Path empty) {
        Path debian = Tools.requireFfprobe();
        String dir = debian.getParent().toString();

        Ffprobe found = new FfprobeLocator(Optional.empty(), empty + ":" + dir, FfprobeLocatorTest::noBundle).locate();

        assertThat(found).isEqualTo(new Ffprobe(debian.toAbsolutePath(), FfmpegOrigin.PATH,
                "no ffprobe path is configured; found on PATH in " + dir));
    }

    @Test
    void without_configuration_or_path_the_bundled_ffprobe_is_extracted_and_reads_media(@TempDir Path dir)
            throws IOException {
        Ffprobe found = new FfprobeLocator(Optional.empty(), dir.toString(), BundledFfprobe::extract).locate();

        assertThat(found.origin()).isEqualTo(FfmpegOrigin.BUNDLED);
        assertThat(found.executable()).isExecutable().endsWith(Path.of("ffprobe"));
        Path film = VodMedia.withAnyFfmpeg().mkv(dir.resolve("film.mkv"));
        MediaInfo bundled = new FfprobeMediaProbe(found.executable(), FfprobeMediaProbe.DEFAULT_TIMEOUT)
                .probe(film.toUri());
        assertThat(bundled.container()).isEqualTo("matroska,webm");
        assertThat(bundled.audioLanguages()).containsExactly("eng", "deu");
        assertThat(bundled.subtitleLanguages()).containsExactly("fra", "und");
        Tools.onPath("ffprobe").ifPresent(debian -> assertThat(bundled).as("Debian's ffprobe reads the same")
                .isEqualTo(new FfprobeMediaProbe(debian, FfprobeMediaProbe.DEFAULT_TIMEOUT).probe(film.toUri())));
    }

    @Test
    void when_nothing_is_found_the_error_says_what_was_tried(@TempDir Path empty) {
        assertThatThrownBy(() -> new FfprobeLocator(Optional.empty(), empty.toString(), FfprobeLocatorTest::noBundle)
                .locate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no ffprobe found: no path is configured, there is no ffprobe on PATH, and the bundled "
                        + "org.bytedeco:ffmpeg cannot run on this machine; install ffmpeg (it brings ffprobe) or "
                        + "configure the path");
    }

    /** Stands for a platform where the bundled build cannot run: the one input this test cannot produce for real. */
    private static Optional<Path> noBundle() {
        return Optional.empty();
    }
}
