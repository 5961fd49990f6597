package headwater.security.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 Appendix B and RFC 4226 Appendix D test vectors, then drift and replay. */
class TotpTest {

    /** The RFC's SHA-1 seed: ASCII "12345678901234567890". */
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final TotpKey KEY = TotpKey.of(SEED);
    private static final Instant NOW = Instant.parse("2026-11-21T20:00:10Z");

    @ParameterizedTest(name = "T={0}s")
    @CsvSource({
            "59, 0000000000000001, 94287082",
            "1111111109, 00000000023523EC, 07081804",
            "1111111111, 00000000023523ED, 14050471",
            "1234567890, 000000000273EF07, 89005924",
            "2000000000, 0000000003F940AA, 69279037",
            "20000000000, 0000000027BC86AA, 65353130"})
    void rfc_6238_appendix_b_sha1(long seconds, String stepHex, String eightDigits) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));

        assertThat(step).isEqualTo(Long.parseLong(stepHex, 16));
        assertThat(Totp.code(SEED, step, 8)).isEqualTo(eightDigits);
        assertThat(Totp.code(KEY, step)).isEqualTo(eightDigits.substring(2));
    }

    @ParameterizedTest(name = "count={0}")
    @CsvSource({"0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314", "5, 254676", "6, 287922",
            "7, 162583", "8, 399871", "9, 520489"})
    void rfc_4226_appendix_d_hotp(long counter, String code) {
        assertThat(Totp.code(SEED, counter, 6)).isEqualTo(code);
    }

    @Test
    void the_current_step_and_one_either_side_are_accepted_and_named() {
        long now = Totp.step(NOW);
        for (long step = now - 1; step <= now + 1; step++) {
            assertThat(Totp.verify(KEY, Totp.code(KEY, step), NOW, Long.MIN_VALUE)).hasValue(step);
        }
        assertThat(Totp.verify(KEY, Totp.code(KEY, now - 2), NOW, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.verify(KEY, Totp.code(KEY, now + 2), NOW, Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void a_code_of_a_step_already_used_or_earlier_is_refused() {
        long now = Totp.step(NOW);
        String code = Totp.code(KEY, now);
        OptionalLong first = Totp.verify(KEY, code, NOW, Long.MIN_VALUE);

        assertThat(first).hasValue(now);
        assertThat(Totp.verify(KEY, code, NOW, first.getAsLong())).isEmpty();
        assertThat(Totp.verify(KEY, Totp.code(KEY, now - 1), NOW, first.getAsLong())).isEmpty();
        assertThat(Totp.verify(KEY, Totp.code(KEY, now + 1), NOW, first.getAsLong())).hasValue(now + 1);
    }

    @Test
    void malformed_codes_never_match() {
        String good = Totp.code(KEY, Totp.step(NOW));
        for (String bad : new String[] {null, "", "12345", "1234567", "abcdef", good + "0", "' OR 1=1--",
                "١٢٣٤٥٦", good.substring(0, 5) + "x"}) {
            assertThat(Totp.verify(KEY, bad, NOW, Long.MIN_VALUE)).as(String.valueOf(bad)).isEmpty();
        }
        assertThat(Totp.verify(KEY, " " + good.substring(0, 3) + " " + good.substring(3) + " ", NOW, Long.MIN_VALUE))
                .hasValue(Totp.step(NOW));
    }

    @Test
    void another_key_s_code_does_not_match() {
        TotpKey other = TotpKey.generate();
        long now = Totp.step(NOW);
        String code = Totp.code(other, now);
        boolean collides = false;
        for (long step = now - 1; step <= now + 1; step++) {
            collides |= Totp.code(KEY, step).equals(code);
        }
        assertThat(Totp.verify(KEY, code, NOW, Long.MIN_VALUE).isPresent()).isEqualTo(collides);
    }

    @Test
    void keys_are_160_random_bits_and_never_printed() {
        TotpKey key = TotpKey.generate();

        assertThat(key.bytes()).hasSize(20);
        assertThat(key.base32()).hasSize(32).matches("[A-Z2-7]+");
        assertThat(key.grouped()).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        assertThat(TotpKey.ofBase32(key.grouped().toLowerCase())).isEqualTo(key);
        assertThat(key.toString()).doesNotContain(key.base32());
        assertThat(TotpKey.generate()).isNotEqualTo(key);
    }
}
