package headwater.security.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NIST SP 800-63B §5.1.1.2 as a table: what is refused, why, and what is not. */
class PasswordPolicyTest {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(value = {
            // password | user name | operators' refusal (empty: accepted) | subscribers' refusal
            "'' | alice | the password is empty | the password is empty",
            "tr0ub4dor | alice | the password has 9 characters: at least 12 are needed | ",
            "short | alice | the password has 5 characters: at least 12 are needed"
                    + " | the password has 5 characters: at least 8 are needed",
            "password1234 | alice | the password is on the list of common and breached passwords: choose another"
                    + " | the password is on the list of common and breached passwords: choose another",
            "PassWord1234 | alice | the password is on the list of common and breached passwords: choose another"
                    + " | the password is on the list of common and breached passwords: choose another",
            "qwertyuiop | alice | the password has 10 characters: at least 12 are needed"
                    + " | the password is on the list of common and breached passwords: choose another",
            "my name is ALICE ok | alice | the password contains the user name | the password contains the user name",
            "aaaaaaaaaaaaaa | bob | the password repeats a single character | the password repeats a single character",
            "correct horse battery staple | alice | | ",
            "no digits or capitals at all | alice | | ",
            "ünïcödé pässwörd 🔑 | alice | | ",
            "x'; DROP TABLE account;-- | alice | | ",
            "<script>alert(1)</script> | alice | | ",
            "abcdefghijklmn | ab | | "}, delimiter = '|')
    void refusals(String password, String username, String operators, String subscribers) {
        assertThat(PasswordPolicy.operators().refusal(password, username)).isEqualTo(Optional.ofNullable(operators));
        assertThat(PasswordPolicy.subscribers().refusal(password, username))
                .isEqualTo(Optional.ofNullable(subscribers));
    }

    @Test
    void length_counts_characters_not_utf_16_units_and_is_never_truncated() {
        String emoji = "🔑🎉".repeat(6);
        assertThat(PasswordPolicy.operators().refusal(emoji, "alice")).isEmpty();
        assertThat(PasswordPolicy.operators().refusal("🔑🎉".repeat(5) + "x", "alice")).isPresent();

        String longest = "ab".repeat(128);
        assertThat(PasswordPolicy.operators().refusal(longest, "alice")).isEmpty();
        assertThat(PasswordPolicy.operators().refusal(longest + "c", "alice"))
                .hasValue("the password has 257 characters: at most 256 are allowed");
    }

    @Test
    void passwords_are_normalised_to_nfkc_before_checking() {
        // Full-width letters and the "fi" ligature become ASCII under NFKC: this is "password1234" on the list.
        assertThat(PasswordPolicy.normalise("ｐａｓｓｗｏｒｄ１２３４")).isEqualTo("password1234");
        assertThat(PasswordPolicy.operators().refusal("ｐａｓｓｗｏｒｄ１２３４", "alice")).isPresent();
        assertThat(PasswordPolicy.normalise("ﬁnance")).isEqualTo("finance");
        // A precomposed and a decomposed "é" are the same password.
        assertThat(PasswordPolicy.normalise("cafe\u0301")).isEqualTo(PasswordPolicy.normalise("caf\u00e9"));
    }

    @Test
    void an_unpaired_surrogate_is_refused() {
        assertThat(PasswordPolicy.operators().refusal("abcdefghijkl\ud800", "alice"))
                .hasValue("the password is not valid Unicode (an unpaired surrogate)");
    }

    @Test
    void the_bundled_list_is_loaded_and_large() {
        assertThat(PasswordPolicy.operators().refusal("password1234", "x")).isPresent();
        assertThat(PasswordPolicy.subscribers().refusal("baseball", "x")).isPresent();
        assertThat(PasswordPolicy.subscribers().refusal("trustno1", "x")).isPresent();
    }
}
