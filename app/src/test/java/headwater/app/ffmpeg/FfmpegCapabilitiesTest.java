package headwater.app.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FfmpegCapabilitiesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ffmpeg: error while loading shared libraries: libpulse.so.0: cannot open shared object file | install Debian's libpulse0
            ffmpeg: error while loading shared libraries: libfoo.so.3: cannot open shared object file   | a shared library is missing
            Unrecognized option 'encoders'                                                               | ''
            """)
    void a_missing_shared_library_is_named_with_what_to_install(String loaderOutput, String hint) {
        String said = FfmpegCapabilities.missingLibraryHint(loaderOutput);
        if (hint.isEmpty()) {
            assertThat(said).isEmpty();
        } else {
            assertThat(said).contains(hint).contains("ffmpeg.path");
        }
    }
}
