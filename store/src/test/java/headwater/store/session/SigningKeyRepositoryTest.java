package headwater.store.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.session.KeyRotation;
import headwater.domain.session.SigningKey;
import headwater.domain.session.SigningKeys;
import headwater.store.EachDatabase;
import headwater.store.TestCipher;
import headwater.store.TestStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class SigningKeyRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();

    private static JdbiSigningKeyRepository keys(TestStore store) {
        return new JdbiSigningKeyRepository(store.database(), TestCipher.INSTANCE);
    }

    private static SigningKey key(String id, int fill, Instant retired) {
        byte[] secret = new byte[32];
        java.util.Arrays.fill(secret, (byte) fill);
        return new SigningKey(id, secret, NOW, retired);
    }

    @EachDatabase
    void stores_secret_and_times_and_lists_by_counter(TestStore store) {
        SigningKey ten = keys(store).create(key("10", 0xff, null));
        SigningKey two = keys(store).create(key("2", 0x80, NOW.plusSeconds(30)));
        SigningKey nine = keys(store).create(key("9", 1, null));

        assertThat(keys(store).list()).containsExactly(two, nine, ten);
        assertThat(keys(store).list().get(2).secret()).containsOnly((byte) 0xff);
    }

    @EachDatabase
    void a_taken_id_is_refused(TestStore store) {
        keys(store).create(key("1", 1, null));

        assertThatThrownBy(() -> keys(store).create(key("1", 2, null))).isInstanceOf(DuplicateKeyException.class)
                .hasMessage("signing key id 1 already exists");
        assertThat(keys(store).list()).containsExactly(key("1", 1, null));
    }

    @EachDatabase
    void retire_sets_the_time_once_and_purge_deletes_only_keys_retired_before(TestStore store) {
        keys(store).create(key("1", 1, null));
        keys(store).create(key("2", 2, null));
        keys(store).create(key("3", 3, null));

        assertThat(keys(store).retire("1", NOW)).isTrue();
        assertThat(keys(store).retire("1", NOW.plusSeconds(60))).isFalse();
        assertThat(keys(store).retire("2", NOW.plusSeconds(60))).isTrue();
        assertThat(keys(store).retire("absent", NOW)).isFalse();

        assertThat(keys(store).purgeRetiredBefore(NOW)).isZero();
        assertThat(keys(store).purgeRetiredBefore(NOW.plusSeconds(60))).isEqualTo(1);
        assertThat(keys(store).list()).containsExactly(key("2", 2, NOW.plusSeconds(60)), key("3", 3, null));
    }

    @EachDatabase
    void of_nodes_rotating_at_once_each_gets_its_own_id_and_one_key_is_current(TestStore store) throws Exception {
        SigningKeys signing = new SigningKeys(keys(store), new KeyRotation(Duration.ofHours(24), Duration.ZERO),
                TestStore.CLOCK);
        signing.ensureKey();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SigningKey>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<SigningKey> task = () -> {
                    start.await();
                    return signing.rotate();
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<SigningKey> result : results) {
                ids.add(result.get().id());
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(4);
            assertThat(keys(store).list()).hasSize(5);
            assertThat(signing.current().signing().id()).isEqualTo("5");
        } finally {
            pool.shutdownNow();
        }
    }
}
