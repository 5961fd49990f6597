package headwater.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * An exported head file is outside input ({@code audit verify --head FILE}): any text either parses into a head or is
 * refused with {@link IllegalArgumentException}; nothing else is thrown.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays the seed corpus in {@code SignedHeadFuzzTestInputs/parse}. A longer
 * run: {@code JAZZER_FUZZ=1 ./mvnw -B -pl security -am test -Dtest=SignedHeadFuzzTest -Djazzer.max_duration=10m}.
 */
class SignedHeadFuzzTest {

    @FuzzTest
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            SignedHead head = SignedHead.parse(text);
            assertThat(head.seq()).isNotNegative();
            assertThat(HashChain.isHash(head.hash())).isTrue();
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).startsWith("not an audit head");
        }
    }
}
