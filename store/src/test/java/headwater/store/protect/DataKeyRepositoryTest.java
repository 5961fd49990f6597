package headwater.store.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.protect.DataKey;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

class DataKeyRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();

    private static DataKey key(String id, int fill, Instant created) {
        byte[] wrapped = new byte[60];
        Arrays.fill(wrapped, (byte) fill);
        return new DataKey(id, wrapped, created, null);
    }

    @EachDatabase
    void stores_lists_oldest_first_and_refuses_a_taken_id(TestStore store) {
        JdbiDataKeyRepository keys = new JdbiDataKeyRepository(store.database());
        keys.add(key("b", 2, NOW.plusSeconds(1)));
        keys.add(key("a", 1, NOW));

        assertThat(keys.list()).containsExactly(key("a", 1, NOW), key("b", 2, NOW.plusSeconds(1)));
        assertThatThrownBy(() -> keys.add(key("a", 3, NOW))).isInstanceOf(DuplicateKeyException.class);
    }

    @EachDatabase
    void retires_all_but_one_once(TestStore store) {
        JdbiDataKeyRepository keys = new JdbiDataKeyRepository(store.database());
        keys.add(key("a", 1, NOW));
        keys.add(key("b", 2, NOW));
        keys.retireAllBut("b", NOW.plusSeconds(5));
        keys.add(key("c", 3, NOW));
        keys.retireAllBut("c", NOW.plusSeconds(9));

        assertThat(keys.list()).extracting(DataKey::id, DataKey::retired).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", NOW.plusSeconds(5)),
                org.assertj.core.groups.Tuple.tuple("b", NOW.plusSeconds(9)),
                org.assertj.core.groups.Tuple.tuple("c", null));
    }

    @EachDatabase
    void rewraps_all_or_nothing(TestStore store) {
        JdbiDataKeyRepository keys = new JdbiDataKeyRepository(store.database());
        keys.add(key("a", 1, NOW));
        keys.add(key("b", 2, NOW));

        assertThatThrownBy(() -> keys.rewrap(List.of(key("a", 7, NOW), key("zz", 7, NOW))))
                .isInstanceOf(NotFoundException.class);
        assertThat(keys.list()).containsExactly(key("a", 1, NOW), key("b", 2, NOW));

        keys.rewrap(List.of(key("a", 7, NOW), key("b", 8, NOW)));
        assertThat(keys.list()).containsExactly(key("a", 7, NOW), key("b", 8, NOW));
    }
}
