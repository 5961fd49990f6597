package headwater.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * A stored sealed value is outside input (a database row anyone with write access may have changed): any text either
 * parses into a value that formats back to the same text, or is refused with {@link UnsealableException}; and opening
 * any text under a real envelope either fails closed with {@link UnsealableException} or (never, in practice) yields
 * the plaintext of a value that was sealed. Nothing else is thrown, and refusals never quote the text.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays the seed corpus in {@code SealedTextFuzzTestInputs/parse}. A longer
 * run: {@code JAZZER_FUZZ=1 ./mvnw -B -pl security -am test -Dtest=SealedTextFuzzTest -Djazzer.max_duration=10m}.
 */
class SealedTextFuzzTest {

    private static final ListedKeys KEYS = new ListedKeys();
    private static final Envelope ENVELOPE = Envelope.open(MasterKey.generate(), KEYS, Clock.systemUTC());

    @FuzzTest
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            SealedText sealed = SealedText.parse(text);
            assertThat(SealedText.parse(sealed.format())).isEqualTo(sealed);
        } catch (UnsealableException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            if (text.length() > 8) {
                assertThat(refused.getMessage()).doesNotContain(text);
            }
        }
        try {
            ENVELOPE.open("fuzz.field", text);
        } catch (UnsealableException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
