package headwater.api.xtream;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Fuzz target for the Xtream media URL grammar (paths, percent-decoding, timeshift times and durations, the
 * {@code timeshift.php} query). Without {@code JAZZER_FUZZ=1} it replays its seed corpus (resources next to this
 * class) as a regression test.
 */
class MediaUrlFuzzTest {

    static final ZoneId[] ZONES = {ZoneId.of("UTC"), ZoneId.of("Europe/London"), ZoneId.of("America/Sao_Paulo"),
        ZoneId.of("Pacific/Kiritimati"), ZoneId.of("-12:00")};
    static final String[] PARAMETERS = {"username", "password", "token", "stream", "start", "duration", "extension"};
    static final Set<String> FIELDS = Set.of("path", "username", "password", "token", "stream", "start", "duration",
            "extension");

    @FuzzTest
    void parse(FuzzedDataProvider data) {
        ZoneId zone = data.pickValue(ZONES);
        boolean php = data.consumeBoolean();
        Map<String, String> query = new HashMap<>();
        for (String name : PARAMETERS) {
            if (data.consumeBoolean()) {
                query.put(name, data.consumeString(40));
            }
        }
        String path = php ? MediaUrlParser.TIMESHIFT_PHP : data.consumeRemainingAsString();

        MediaUrl url = MediaUrl.parse(path, query::get, zone);

        switch (url) {
            case MediaUrl.NotMedia notMedia -> assertThat(php).as("timeshift.php is always media").isFalse();
            case MediaUrl.Malformed malformed -> {
                assertThat(FIELDS).contains(malformed.field());
                assertThat(malformed.reason()).matches("[ -~]+").hasSizeLessThan(120);
            }
            case MediaUrl.Media media -> {
                assertThat(media.stream()).isNotNegative();
                switch (media.credentials()) {
                    case MediaCredentials.Password password -> {
                        assertThat(password.username()).isNotEmpty().hasSizeLessThanOrEqualTo(MediaUrl.MAX_CREDENTIAL);
                        assertThat(password.password()).isNotEmpty().hasSizeLessThanOrEqualTo(MediaUrl.MAX_CREDENTIAL);
                        assertThat(password.toString()).endsWith("password=***]");
                    }
                    case MediaCredentials.Token token -> {
                        assertThat(token.token()).isNotEmpty().hasSizeLessThanOrEqualTo(MediaUrl.MAX_CREDENTIAL);
                        assertThat(token.toString()).isEqualTo("Token[***]");
                    }
                }
                if (media instanceof MediaUrl.Movie movie) {
                    assertThat(movie.extension()).matches("[a-z0-9]{1,8}");
                }
                if (media instanceof MediaUrl.Episode episode) {
                    assertThat(episode.extension()).matches("[a-z0-9]{1,8}");
                }
                if (media instanceof MediaUrl.Timeshift window) {
                    assertThat(window.minutes()).isBetween(1, MediaUrl.MAX_MINUTES);
                    assertThat(window.start().getEpochSecond()).isNotNegative();
                    assertThat(window.start().getNano()).isZero();
                }
                assertThat(path).startsWith("/");
            }
        }
    }
}
