package headwater.security.totp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import headwater.security.password.PasswordPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What a login form carries is outside input: any text as a TOTP code, a recovery code or a new password is either
 * accepted by the rules or refused, never an exception; a TOTP code only matches when it is six digits.
 *
 * <p>A longer run: {@code JAZZER_FUZZ=1 ./mvnw -B -pl security test -Dtest=CodeInputFuzzTest -Djazzer.max_duration=10m}.
 */
class CodeInputFuzzTest {

    private static final TotpKey KEY = TotpKey.of("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private static final Instant NOW = Instant.parse("2026-11-21T20:00:00Z");

    @FuzzTest
    void codes_and_passwords(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);

        if (Totp.verify(KEY, text, NOW, Long.MIN_VALUE).isPresent()) {
            assertThat(text.strip().replace(" ", "")).matches("[0-9]{6}");
        }
        if (RecoveryCodes.hasShape(text)) {
            assertThat(RecoveryCodes.digest(text).hex()).hasSize(64);
        }
        PasswordPolicy.operators().refusal(text, text.length() > 3 ? text.substring(0, 3) : "bob")
                .ifPresent(reason -> assertThat(reason).isNotBlank());
    }
}
