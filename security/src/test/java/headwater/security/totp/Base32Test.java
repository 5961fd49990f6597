package headwater.security.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4648 §10 test vectors, and what a person may type. */
class Base32Test {

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(value = {"'', '', ''", "f, MY, MY======", "fo, MZXQ, MZXQ====", "foo, MZXW6, MZXW6===",
            "foob, MZXW6YQ, MZXW6YQ=", "fooba, MZXW6YTB, MZXW6YTB", "foobar, MZXW6YTBOI, MZXW6YTBOI======"})
    void rfc_4648_vectors(String plain, String unpadded, String padded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);

        assertThat(Base32.encode(bytes)).isEqualTo(unpadded);
        assertThat(Base32.decode(padded)).isEqualTo(bytes);
        assertThat(Base32.decode(unpadded.toLowerCase())).isEqualTo(bytes);
    }

    @Test
    void spaces_and_hyphens_are_ignored() {
        assertThat(Base32.decode("mzxw 6ytb-oi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void other_characters_and_partial_bytes_are_refused_without_quoting() {
        assertThatThrownBy(() -> Base32.decode("MZXW1YTB")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the Base32 text has a character outside A-Z and 2-7 at position 5");
        assertThatThrownBy(() -> Base32.decode("MZX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole byte");
        assertThatThrownBy(() -> Base32.decode("MZ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole byte");
        assertThatThrownBy(() -> Base32.decode("A".repeat(2000))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base32.decode(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
