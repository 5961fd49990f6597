package headwater.security.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerSecretTest {

    @Test
    void a_secret_is_the_prefix_and_256_random_bits_in_url_safe_base64() {
        BearerSecret secret = BearerSecret.generate("hw_admin_");

        String value = secret.reveal();
        assertThat(value).startsWith("hw_admin_").hasSize("hw_admin_".length() + 43).matches("hw_admin_[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(value.substring("hw_admin_".length()))).hasSize(32);
        assertThat(BearerSecret.hasShape("hw_admin_", value)).isTrue();
        assertThat(secret.prefix()).isEqualTo("hw_admin_");
    }

    @Test
    void the_random_part_comes_from_the_given_source() {
        SecureRandom ones = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 0xff);
            }
        };
        assertThat(BearerSecret.generate("hw_admin_", ones).reveal())
                .isEqualTo("hw_admin_" + "_".repeat(42) + "8");
    }

    @Test
    void secrets_do_not_repeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(BearerSecret.generate("hw_admin_").reveal())).isTrue();
        }
    }

    @Test
    void to_string_never_shows_the_secret() {
        BearerSecret secret = BearerSecret.generate("hw_admin_");
        assertThat(secret.toString()).startsWith("hw_admin_").doesNotContain(secret.reveal().substring(9));
    }

    @Test
    void the_digest_is_sha256_of_the_secret() {
        BearerSecret secret = BearerSecret.generate("hw_admin_");
        assertThat(secret.digest()).isEqualTo(SecretDigest.of(secret.reveal()));
        assertThat(secret.digest().matches(secret.reveal())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "admin", "Hw_admin_", "hw admin_", "_hw_", "hw__", "hw_admin", "hw_ädmin_",
            "a_very_long_prefix_that_is_too_long_"})
    void a_bad_prefix_is_refused(String prefix) {
        assertThatThrownBy(() -> BearerSecret.generate(prefix)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + prefix + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL                                                 | false
            ''                                                   | false
            hw_admin_                                            | false
            hw_admin_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA | true
            hw_admin_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA  | false
            hw_admin_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA| false
            hw_admin_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= | false
            hw_admin_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+ | false
            hw_other_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA | false
            hw_admin_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_- | true
            """)
    void the_shape_check(String candidate, boolean shaped) {
        assertThat(BearerSecret.hasShape("hw_admin_", candidate)).isEqualTo(shaped);
    }
}
