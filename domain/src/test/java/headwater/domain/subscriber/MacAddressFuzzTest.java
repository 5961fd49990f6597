package headwater.domain.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import headwater.domain.catalog.InvalidValueException;
import java.nio.charset.StandardCharsets;

/**
 * Device MACs arrive from the admin API, the CLI and set-top boxes: any text either parses to the normalised form,
 * which parses back to the same value, or is refused with {@link InvalidValueException}; never another exception.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays the seed corpus in {@code MacAddressFuzzTestInputs}. A longer run:
 * {@code JAZZER_FUZZ=1 ./mvnw -B -pl domain -am test -Dtest=MacAddressFuzzTest -Djazzer.max_duration=10m}.
 */
class MacAddressFuzzTest {

    @FuzzTest
    void mac(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        MacAddress mac;
        try {
            mac = MacAddress.parse(text);
        } catch (InvalidValueException refused) {
            assertThat(refused.getMessage()).startsWith("device mac ");
            return;
        }
        assertThat(mac.value()).matches("[0-9A-F]{2}(:[0-9A-F]{2}){5}");
        assertThat(MacAddress.parse(mac.value())).isEqualTo(mac);
    }
}
