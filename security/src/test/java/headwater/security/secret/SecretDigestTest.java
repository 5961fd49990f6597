package headwater.security.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretDigestTest {

    @Test
    void the_digest_is_sha256_of_the_utf8_bytes_in_lower_case_hex() {
        // FIPS 180-2 test vector for "abc".
        assertThat(SecretDigest.of("abc").hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(SecretDigest.of("é").hex())
                .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
    }

    @Test
    void hex_round_trips_and_equal_digests_are_equal() {
        SecretDigest digest = SecretDigest.of("hw_admin_x");
        assertThat(SecretDigest.fromHex(digest.hex())).isEqualTo(digest).hasSameHashCodeAs(digest);
        assertThat(SecretDigest.fromHex(digest.hex().toUpperCase())).isEqualTo(digest);
        assertThat(digest).isNotEqualTo(SecretDigest.of("hw_admin_y")).isNotEqualTo(digest.hex());
    }

    @Test
    void matches_only_the_same_secret() {
        SecretDigest digest = SecretDigest.of("hw_admin_secret");
        assertThat(digest.matches("hw_admin_secret")).isTrue();
        assertThat(digest.matches("hw_admin_secreT")).isFalse();
        assertThat(digest.matches("hw_admin_secret ")).isFalse();
        assertThat(digest.matches("")).isFalse();
        assertThat(digest.matches(null)).isFalse();
    }

    @Test
    void to_string_shows_a_short_fingerprint_only() {
        SecretDigest digest = SecretDigest.of("abc");
        assertThat(digest.toString()).isEqualTo("sha256:ba7816bf…");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "abc", "zz7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad00"})
    void a_malformed_stored_digest_is_refused(String hex) {
        assertThatThrownBy(() -> SecretDigest.fromHex(hex)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex digits");
    }

    @Test
    void a_missing_secret_cannot_be_digested() {
        assertThatThrownBy(() -> SecretDigest.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
