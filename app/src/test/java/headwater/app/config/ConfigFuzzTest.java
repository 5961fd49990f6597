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

    /** The session keys from the environment: bitrates, the Redis URL (never echoed with its password), node ids, CIDRs. */
    @FuzzTest(maxDuration = "30s")
    void any_session_setting_is_a_value_or_a_precise_problem(FuzzedDataProvider data) {
        String capacity = data.consumeString(24);
        String bitrate = data.consumeString(24);
        String nodeId = data.consumeString(70);
        String proxies = data.consumeString(60);
        String redis = data.consumeRemainingAsString();
        try {
            HeadwaterConfig config = ConfigLoader.loadText("fuzz.yml", "", Map.of(
                    "HEADWATER_SERVER_EGRESS_CAPACITY", capacity, "HEADWATER_SESSIONS_DEFAULT_BITRATE", bitrate,
                    "HEADWATER_SERVER_NODE_ID", nodeId, "HEADWATER_SERVER_TRUSTED_PROXIES", proxies,
                    "HEADWATER_REDIS_URL", redis));
            assertThat(config.server().egressCapacityBitsPerSecond()).isPositive();
            assertThat(config.server().nodeId()).matches(ServerConfig.NODE_ID_PATTERN);
            config.redis().url().filter(u -> u.getRawUserInfo() != null).ifPresent(u ->
                    assertThat(config.redis().toString()).as("user information masked").contains("://***@")
                            .doesNotContain(u.getRawUserInfo() + "@"));
        } catch (ConfigException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("$HEADWATER_"));
        }
    }
}
