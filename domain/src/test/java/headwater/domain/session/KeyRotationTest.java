package headwater.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRotationTest {

    static final Instant T = Instant.parse("2026-11-21T06:00:00Z");
    static final Duration DAY = Duration.ofHours(24);
    static final Duration PROPAGATION = Duration.ofSeconds(30);
    private final KeyRotation rotation = new KeyRotation(DAY, PROPAGATION);

    static SigningKey key(String id, Instant created, Instant retired) {
        byte[] secret = new byte[32];
        secret[0] = (byte) Long.parseLong(id, 16);
        return new SigningKey(id, secret, created, retired);
    }

    @Test
    void the_first_key_signs_at_once() {
        SigningKey first = key("1", T, null);

        assertThat(rotation.signing(List.of(first), T)).contains(first);
        assertThat(rotation.accepted(List.of(first), T)).containsExactly(first);
        assertThat(rotation.signing(List.of(), T)).isEmpty();
    }

    @Test
    void a_new_key_is_accepted_at_once_and_signs_after_the_propagation() {
        SigningKey old = key("1", T.minus(DAY), T.plus(PROPAGATION));
        SigningKey fresh = key("2", T, null);
        List<SigningKey> keys = List.of(old, fresh);

        assertThat(rotation.signing(keys, T)).contains(old);
        assertThat(rotation.accepted(keys, T)).containsExactly(old, fresh);
        assertThat(rotation.signing(keys, T.plus(PROPAGATION).minusMillis(1))).contains(old);
        assertThat(rotation.signing(keys, T.plus(PROPAGATION))).contains(fresh);
    }

    @Test
    void a_retired_key_is_accepted_for_one_lifetime_then_purgeable() {
        Instant retired = T.plus(PROPAGATION);
        SigningKey old = key("1", T.minus(DAY), retired);
        SigningKey fresh = key("2", T, null);
        List<SigningKey> keys = List.of(old, fresh);

        assertThat(rotation.accepted(keys, retired.plus(DAY).minusMillis(1))).containsExactly(old, fresh);
        assertThat(rotation.accepted(keys, retired.plus(DAY))).containsExactly(fresh);
        assertThat(rotation.purgeBefore(retired.plus(DAY))).isEqualTo(retired);
        assertThat(rotation.retirement(T)).isEqualTo(retired);
    }

    @Test
    void two_quick_rotations_hand_over_in_order() {
        SigningKey one = key("1", T.minus(DAY), T.plus(PROPAGATION));
        SigningKey two = key("2", T, T.plusSeconds(5).plus(PROPAGATION));
        SigningKey three = key("3", T.plusSeconds(5), null);
        List<SigningKey> keys = List.of(three, one, two);

        assertThat(rotation.signing(keys, T.plusSeconds(10))).contains(one);
        assertThat(rotation.signing(keys, T.plusSeconds(30))).contains(two);
        assertThat(rotation.signing(keys, T.plusSeconds(35))).contains(three);
        assertThat(rotation.accepted(keys, T.plusSeconds(35))).containsExactly(three, one, two);
    }

    @Test
    void when_every_key_is_retired_none_signs() {
        assertThat(rotation.signing(List.of(key("1", T, T)), T)).isEmpty();
    }

    @Test
    void ids_count_up_in_hex() {
        assertThat(KeyRotation.nextId(List.of())).isEqualTo("1");
        assertThat(KeyRotation.nextId(List.of(key("9", T, null), key("3", T, null)))).isEqualTo("a");
        assertThat(KeyRotation.nextId(List.of(key("ff", T, null)))).isEqualTo("100");
        assertThatThrownBy(() -> KeyRotation.nextId(List.of(key("ffffffff", T, null))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keys_check_their_values_and_hide_their_secret() {
        assertThatThrownBy(() -> key("A", T, null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new SigningKey("1", new byte[8], T, null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new SigningKey("123456789", new byte[32], T, null))
                .isInstanceOf(InvalidValueException.class);
        byte[] secret = new byte[32];
        secret[0] = 42;
        SigningKey key = new SigningKey("1", secret, T, null);
        secret[0] = 0;
        key.secret()[0] = 0;
        assertThat(key.secret()[0]).isEqualTo((byte) 42);
        assertThat(key.toString()).doesNotContain("42").contains("***");
        assertThat(key).isEqualTo(new SigningKey("1", key.secret(), T, null)).isNotEqualTo(key.retire(T));
        assertThatThrownBy(() -> new KeyRotation(Duration.ZERO, PROPAGATION)).isInstanceOf(IllegalArgumentException.class);
    }
}
