package headwater.domain.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import headwater.domain.catalog.InvalidValueException;
import java.nio.charset.StandardCharsets;

/**
 * Allowed networks arrive from the admin API and the CLI: any text either parses to a range whose canonical text
 * parses back to the same range, or is refused with {@link InvalidValueException}; never another exception, never a
 * DNS lookup (the parser builds addresses from bytes only).
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays the seed corpus in {@code NetworkRangeFuzzTestInputs}. A longer run:
 * {@code JAZZER_FUZZ=1 ./mvnw -B -pl domain -am test -Dtest=NetworkRangeFuzzTest -Djazzer.max_duration=10m}.
 */
class NetworkRangeFuzzTest {

    @FuzzTest
    void cidr(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        NetworkRange range;
        try {
            range = NetworkRange.parse(text);
        } catch (InvalidValueException refused) {
            assertThat(refused.getMessage()).startsWith("network range ");
            return;
        }
        NetworkRange again = NetworkRange.parse(range.toString());
        assertThat(again).isEqualTo(range);
        assertThat(again.toString()).isEqualTo(range.toString());
        assertThat(range.contains(range.network())).isTrue();
    }
}
