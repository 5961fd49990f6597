package headwater.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.testkit.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    private static final Instant T = KeyRotationTest.T;
    private final SettableClock clock = new SettableClock(T);
    private final MemorySigningKeys stored = new MemorySigningKeys();
    private final SigningKeys keys = new SigningKeys(stored, new KeyRotation(KeyRotationTest.DAY,
            KeyRotationTest.PROPAGATION), clock);

    @Test
    void first_start_makes_one_key_and_later_starts_none() {
        assertThatThrownBy(keys::current).isInstanceOf(IllegalStateException.class).hasMessageContaining("no token");

        SigningKey first = keys.ensureKey().orElseThrow();

        assertThat(first.id()).isEqualTo("1");
        assertThat(first.secret()).hasSize(SigningKeys.SECRET_BYTES);
        assertThat(first.created()).isEqualTo(T);
        assertThat(keys.ensureKey()).isEmpty();
        assertThat(keys.current()).isEqualTo(new SigningKeySet(first, java.util.List.of(first)));
    }

    @Test
    void a_rotation_hands_over_after_the_propagation_and_the_old_key_is_purged_after_a_lifetime() {
        SigningKey first = keys.ensureKey().orElseThrow();

        SigningKey second = keys.rotate();

        assertThat(second.id()).isEqualTo("2");
        assertThat(second.secret()).isNotEqualTo(first.secret());
        SigningKey retired = first.retire(T.plus(KeyRotationTest.PROPAGATION));
        assertThat(keys.list()).containsExactly(retired, second);
        assertThat(keys.current().signing()).isEqualTo(retired);
        assertThat(keys.current().accepted()).containsExactly(retired, second);

        clock.set(T.plus(KeyRotationTest.PROPAGATION));
        assertThat(keys.current().signing()).isEqualTo(second);
        assertThat(keys.purge()).isZero();

        clock.set(T.plus(KeyRotationTest.PROPAGATION).plus(KeyRotationTest.DAY).plusMillis(1));
        assertThat(keys.current().accepted()).containsExactly(second);
        assertThat(keys.purge()).isEqualTo(1);
        assertThat(keys.list()).containsExactly(second);
        assertThat(keys.rotate().id()).isEqualTo("3");
        assertThat(keys.ensureKey()).isEmpty();
    }

    @Test
    void a_rotation_racing_another_node_takes_the_next_id() {
        keys.ensureKey();
        SigningKeyRepository racing = new SigningKeyRepository() {
            private boolean raced;

            @Override
            public SigningKey create(SigningKey key) {
                if (!raced) {
                    raced = true;
                    stored.create(new SigningKey(key.id(), new byte[32], key.created(), null));
                }
                return stored.create(key);
            }

            @Override
            public java.util.List<SigningKey> list() {
                return stored.list();
            }

            @Override
            public boolean retire(String id, Instant at) {
                return stored.retire(id, at);
            }

            @Override
            public int purgeRetiredBefore(Instant at) {
                return stored.purgeRetiredBefore(at);
            }
        };

        SigningKey mine = new SigningKeys(racing, keys.rotation(), clock).rotate();

        assertThat(mine.id()).isEqualTo("3");
        assertThat(stored.list()).extracting(SigningKey::id, SigningKey::retired).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", T.plusSeconds(30)),
                org.assertj.core.groups.Tuple.tuple("2", T.plusSeconds(30)),
                org.assertj.core.groups.Tuple.tuple("3", null));
        assertThat(Duration.between(T, stored.list().get(0).retired())).isEqualTo(KeyRotationTest.PROPAGATION);
    }
}
