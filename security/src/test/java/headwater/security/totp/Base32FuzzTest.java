package headwater.security.totp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A manual TOTP key is typed by a person: any text either decodes to bytes that encode back to the same key (case,
 * spaces, hyphens and padding aside) or is refused with {@link IllegalArgumentException}.
 *
 * <p>A longer run: {@code JAZZER_FUZZ=1 ./mvnw -B -pl security test -Dtest=Base32FuzzTest -Djazzer.max_duration=10m}.
 */
class Base32FuzzTest {

    @FuzzTest
    void decode(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        byte[] bytes;
        try {
            bytes = Base32.decode(text);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        String canonical = text.toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "").replaceAll("=+$", "");
        assertThat(Base32.encode(bytes)).isEqualTo(canonical);
    }
}
