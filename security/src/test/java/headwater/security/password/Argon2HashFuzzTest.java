package headwater.security.password;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * A stored hash is outside input to the parser: any text either parses into a hash that writes back as the same
 * text, or is refused with {@link IllegalArgumentException} whose message quotes neither salt nor hash.
 *
 * <p>Without {@code JAZZER_FUZZ=1} this replays the seed corpus in {@code Argon2HashFuzzTestInputs/parse}. A longer
 * run: {@code JAZZER_FUZZ=1 ./mvnw -B -pl security -am test -Dtest=Argon2HashFuzzTest -Djazzer.max_duration=10m}.
 */
class Argon2HashFuzzTest {

    @FuzzTest
    void parse(byte[] input) {
        String phc = new String(input, StandardCharsets.UTF_8);
        Argon2Hash hash;
        try {
            hash = Argon2Hash.parse(phc);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            // Salt and hash fields (the third '$'-field on) are never quoted; only the algorithm id may be, in
            // quotes (so a later field that repeats part of the quoted id may show up through it: look past it).
            String[] fields = phc.split("\\$", -1);
            String algorithm = fields.length > 1 ? fields[1] : "";
            String shown = algorithm.replaceAll("[^A-Za-z0-9-]", "?"); // as the refusal quotes it
            String beyondAlgorithm = refused.getMessage().replace("\"" + shown + "\"", "");
            for (int i = 3; i < fields.length; i++) {
                if (fields[i].length() >= 16) {
                    assertThat(beyondAlgorithm).doesNotContain(fields[i]);
                }
            }
            return;
        }
        assertThat(hash.format()).isEqualTo(phc);
        assertThat(Argon2Hash.parse(hash.format())).isEqualTo(hash);
    }
}
