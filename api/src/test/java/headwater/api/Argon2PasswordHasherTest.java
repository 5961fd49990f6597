package headwater.api;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.SubscriberDraft;
import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

    @Test
    void its_hashes_are_valid_domain_values_that_verify_and_never_print() {
        PasswordHash hash = hasher.hash("s3cret!".toCharArray());
        SubscriberDraft draft = SubscriberDraft.of("bob", "Bob", hash);

        assertThat(hash.algorithm()).isEqualTo("argon2id");
        assertThat(hasher.verify("s3cret!".toCharArray(), draft.passwordHash())).isTrue();
        assertThat(hasher.verify("s3cret?".toCharArray(), hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
        assertThat(draft.toString()).doesNotContain(hash.phc()).contains("PasswordHash[argon2id]");
    }

    @Test
    void reads_a_reference_implementation_hash_and_asks_for_its_upgrade() {
        // phc-winner-argon2 src/test.c: Argon2id of "password" with salt "somesalt", 64 MiB.
        PasswordHash reference = new PasswordHash(
                "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");

        assertThat(hasher.verify("password".toCharArray(), reference)).isTrue();
        assertThat(hasher.needsRehash(reference)).isTrue();
    }
}
