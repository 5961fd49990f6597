package headwater.security.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Key Uri Format's example, and labels that need encoding. */
class OtpauthUriTest {

    /** Base32 "JBSWY3DPEHPK3PXP" is the ASCII "Hello!\xde\xad\xbe\xef" of the format's own example. */
    private static final TotpKey EXAMPLE = TotpKey.ofBase32("JBSWY3DPEHPK3PXP");

    @Test
    void the_key_uri_format_example() {
        assertThat(OtpauthUri.of("Example", "alice@google.com", EXAMPLE)).isEqualTo(
                "otpauth://totp/Example:alice%40google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example"
                        + "&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void spaces_and_other_scripts_are_percent_encoded_and_parse_back() {
        String uri = OtpauthUri.of("Head water", "jürgen&co", EXAMPLE);
        URI parsed = URI.create(uri);

        assertThat(uri).startsWith("otpauth://totp/Head%20water:j%C3%BCrgen%26co?");
        assertThat(parsed.getScheme()).isEqualTo("otpauth");
        assertThat(parsed.getPath()).isEqualTo("/Head water:jürgen&co");
        assertThat(new String(Base32.decode(uri.replaceAll(".*secret=([A-Z2-7]+).*", "$1")),
                StandardCharsets.ISO_8859_1)).startsWith("Hello!");
    }

    @Test
    void colons_and_empty_names_are_refused() {
        assertThatThrownBy(() -> OtpauthUri.of("Head:water", "alice", EXAMPLE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpauthUri.of("Headwater", "", EXAMPLE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpauthUri.of("Headwater", "a".repeat(129), EXAMPLE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
