package headwater.security.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers from the Argon2 reference implementation, phc-winner-argon2 {@code src/test.c} (the Argon2id
 * {@code CHECK} lines for password "password", salt "somesalt"): an independent implementation's PHC strings must
 * verify, and hashing with the same salt and parameters must produce exactly the same strings.
 */
class Argon2idHasherTest {

    private static final String REFERENCE_64_MIB =
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    private static final String REFERENCE_256_KIB =
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
    private static final byte[] SOMESALT = "somesalt".getBytes(StandardCharsets.US_ASCII);

    private static final Argon2idHasher HASHER = new Argon2idHasher();

    @Test
    void verifies_the_reference_implementation_s_hashes() {
        assertThat(HASHER.verify("password".toCharArray(), REFERENCE_64_MIB)).isTrue();
        assertThat(HASHER.verify("password".toCharArray(), REFERENCE_256_KIB)).isTrue();
        assertThat(HASHER.verify("passwore".toCharArray(), REFERENCE_64_MIB)).isFalse();
        assertThat(HASHER.verify("Password".toCharArray(), REFERENCE_256_KIB)).isFalse();
        assertThat(HASHER.verify("".toCharArray(), REFERENCE_256_KIB)).isFalse();
    }

    @Test
    void hashing_with_the_reference_salt_and_parameters_gives_the_reference_strings() {
        assertThat(new Argon2idHasher(new Argon2Parameters(65_536, 2, 1, 8, 32), new SecureRandom())
                .hash("password".toCharArray(), SOMESALT)).isEqualTo(REFERENCE_64_MIB);
        assertThat(new Argon2idHasher(new Argon2Parameters(256, 2, 1, 8, 32), new SecureRandom())
                .hash("password".toCharArray(), SOMESALT)).isEqualTo(REFERENCE_256_KIB);
    }

    @Test
    void new_hashes_use_the_recommended_parameters_and_a_fresh_salt() {
        String first = HASHER.hash("correct horse battery staple".toCharArray());
        String second = HASHER.hash("correct horse battery staple".toCharArray());

        assertThat(first).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(second).isNotEqualTo(first);
        assertThat(Argon2Hash.parse(first).parameters()).isEqualTo(Argon2Parameters.RECOMMENDED);
        assertThat(HASHER.verify("correct horse battery staple".toCharArray(), first)).isTrue();
        assertThat(HASHER.verify("correct horse battery staple".toCharArray(), second)).isTrue();
        assertThat(HASHER.verify("correct horse battery stapl".toCharArray(), first)).isFalse();
        assertThat(HASHER.needsRehash(first)).isFalse();
    }

    @Test
    void passwords_are_utf_8_so_any_script_hashes_and_verifies() {
        char[] password = "pässwörd 密码 🔑".toCharArray();
        String hash = HASHER.hash(password);

        assertThat(HASHER.verify("pässwörd 密码 🔑".toCharArray(), hash)).isTrue();
        // NFC and NFD spell the same text with different code points: they are different passwords.
        assertThat(HASHER.verify("pa\u0308sswo\u0308rd 密码 🔑".toCharArray(), hash)).isFalse();
        assertThatThrownBy(() -> HASHER.hash("half \uD83D pair".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the password contains an unpaired UTF-16 surrogate");
        assertThat(HASHER.verify("half \uD83D pair".toCharArray(), hash)).isFalse();
        assertThatThrownBy(() -> HASHER.hash(new char[0])).hasMessage("the password is empty");
    }

    @Test
    void hashes_with_other_parameters_or_unreadable_ones_need_a_rehash() {
        assertThat(HASHER.needsRehash(REFERENCE_64_MIB)).isTrue();
        assertThat(HASHER.needsRehash(REFERENCE_256_KIB)).isTrue();
        assertThat(HASHER.needsRehash("$2y$10$abcdefghijklmnopqrstuu")).isTrue();
        assertThat(HASHER.needsRehash(null)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            plaintext-password | the password hash is not a PHC string ($argon2id$v=19$m=..,t=..,p=..$salt$hash)
            '$2y$10$abcdefghijklmnopqrstuu' | the password hash uses the algorithm "2y": only argon2id is supported
            '$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA' | the password hash uses the algorithm "argon2i": only argon2id is supported
            '$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc' | the password hash has Argon2 version 16: only 19 (1.3) is supported
            '$argon2id$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc' | the password hash is not of the form $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash> with unpadded Base64 salt and hash
            '$argon2id$v=19$t=2,m=65536,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc' | the password hash is not of the form $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash> with unpadded Base64 salt and hash
            '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ=$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc' | the password hash is not of the form $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash> with unpadded Base64 salt and hash
            '$argon2id$v=19$m=065536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc' | the password hash's memory m has a leading zero
            '$argon2id$v=19$m=4294967296,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc' | the password hash's memory m is 4294967296: too large
            '$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc' | Argon2 memory m is 4194304: must be between 8 and 262144
            '$argon2id$v=19$m=65536,t=0,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc' | Argon2 iterations t is 0: must be between 1 and 32
            '$argon2id$v=19$m=8,t=2,p=2$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc' | Argon2 memory m is 8: must be between 16 and 262144
            '$argon2id$v=19$m=65536,t=2,p=1$c29t$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc' | Argon2 salt length is 3: must be between 8 and 64
            '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMa' | Argon2 hash length is 12: must be between 16 and 64
            '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHR$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc' | the password hash's salt is not canonical unpadded Base64: its last character carries bits that are not zero
            '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$C' | the password hash's hash is not Base64 (1 characters)
            """)
    void unreadable_hashes_are_refused_precisely_and_never_verify(String phc, String message) {
        assertThatThrownBy(() -> Argon2Hash.parse(phc)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThat(HASHER.verify("password".toCharArray(), phc)).isFalse();
    }

    @Test
    void the_parsed_form_writes_back_the_same_string_and_hides_salt_and_hash() {
        Argon2Hash parsed = Argon2Hash.parse(REFERENCE_64_MIB);

        assertThat(parsed.format()).isEqualTo(REFERENCE_64_MIB);
        assertThat(parsed).isEqualTo(Argon2Hash.parse(REFERENCE_64_MIB)).isNotEqualTo(Argon2Hash.parse(REFERENCE_256_KIB));
        assertThat(parsed.toString()).doesNotContain("c29tZXNhbHQ").doesNotContain("CTFhFd")
                .isEqualTo("Argon2Hash[Argon2Parameters[memoryKiB=65536, iterations=2, parallelism=1, saltLength=8, "
                        + "hashLength=32]]");
        assertThatThrownBy(() -> Argon2Hash.parse("$argon2id$" + "x".repeat(300)))
                .hasMessage("the password hash is 310 characters long: an Argon2id PHC string has at most 256");
    }
}
