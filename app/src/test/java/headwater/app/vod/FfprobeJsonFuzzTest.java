package headwater.app.vod;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.MediaProbeException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Any text either reads as a {@link MediaInfo} that the domain accepts, or fails with {@link MediaProbeException}
 * of reason NOT_MEDIA or PROBER_FAILED; nothing else escapes (no NumberFormatException, no InvalidValueException from
 * a value the parser should have dropped).
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays the seed corpus in {@code FfprobeJsonFuzzTestInputs/parse}. A longer
 * run: {@code JAZZER_FUZZ=1 ./mvnw -B -pl app -am test -Dtest=FfprobeJsonFuzzTest -Djazzer.max_duration=10m}.
 */
class FfprobeJsonFuzzTest {

    private static final URI SOURCE = URI.create("file:///srv/fuzz.mkv");

    @FuzzTest
    void parse(byte[] input) {
        MediaInfo info;
        try {
            info = FfprobeJson.parse(SOURCE, new String(input, StandardCharsets.UTF_8));
        } catch (MediaProbeException refused) {
            assertThat(refused.reason()).isIn(MediaProbeException.Reason.NOT_MEDIA,
                    MediaProbeException.Reason.PROBER_FAILED);
            assertThat(refused.getMessage()).startsWith("cannot probe " + SOURCE + ": ");
            return;
        }
        assertThat(info.video() != null || !info.audio().isEmpty()).isTrue();
        assertThat(new MediaInfo(info.duration(), info.container(), info.video(), info.audio(), info.bitRate(),
                info.subtitleLanguages())).isEqualTo(info);
    }
}
