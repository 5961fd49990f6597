package headwater.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;

/**
 * The configuration file is outside input: whatever it holds, loading ends in a configuration or in problems that
 * each name where they come from, never in another exception. Without JAZZER_FUZZ=1 this runs the seed corpus in
 * {@code ConfigFuzzTestInputs/}; {@code JAZZER_FUZZ=1 ./mvnw -pl app -am test -Dtest=ConfigFuzzTest} fuzzes.
 */
class ConfigFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void any_text_is_a_configuration_or_a_precise_problem(FuzzedDataProvider data) {
        String envValue = data.consumeString(16);
        String yaml = data.consumeRemainingAsString();
        try {
            HeadwaterConfig config = ConfigLoader.loadText("fuzz.yml", yaml, Map.of("HEADWATER_SERVER_HOST", envValue));
            assertThat(config.channels()).allSatisfy(c -> assertThat(c.sources()).isNotEmpty());
        } catch (ConfigException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).matches("(?s)(fuzz\\.yml|\\$HEADWATER_).*"));
        }
    }
}
