package headwater.store.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.apikey.ApiKey;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class ApiKeyRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    private static JdbiApiKeyRepository keys(TestStore store) {
        return new JdbiApiKeyRepository(store.database(), TestStore.CLOCK);
    }

    @EachDatabase
    void stores_name_digest_and_times_and_lists_by_name(TestStore store) {
        keys(store).create("zeta", B);
        ApiKey created = keys(store).create("admin", A);

        assertThat(created).isEqualTo(new ApiKey("admin", A, NOW, null));
        assertThat(keys(store).list()).containsExactly(created, new ApiKey("zeta", B, NOW, null));
    }

    @EachDatabase
    void a_taken_name_or_digest_is_refused_without_echoing_the_digest(TestStore store) {
        keys(store).create("admin", A);

        assertThatThrownBy(() -> keys(store).create("admin", B)).isInstanceOf(DuplicateKeyException.class)
                .hasMessage("api key name admin already exists");
        assertThatThrownBy(() -> keys(store).create("other", A)).isInstanceOf(DuplicateKeyException.class)
                .hasMessage("api key digest of key other is already stored under another name")
                .message().doesNotContain(A);
        assertThat(keys(store).list()).extracting(ApiKey::name).containsExactly("admin");
    }

    @EachDatabase
    void invalid_values_never_reach_the_database(TestStore store) {
        assertThatThrownBy(() -> keys(store).create("admin", "not-a-digest")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> keys(store).create("bad name", A)).isInstanceOf(InvalidValueException.class);
        assertThat(keys(store).list()).isEmpty();
    }

    @EachDatabase
    void create_if_none_stores_only_the_first_key(TestStore store) {
        assertThat(keys(store).createIfNone("admin", A)).isTrue();
        assertThat(keys(store).createIfNone("admin", B)).isFalse();
        assertThat(keys(store).createIfNone("second", B)).isFalse();

        assertThat(keys(store).list()).containsExactly(new ApiKey("admin", A, NOW, null));
    }

    @EachDatabase
    void of_racing_first_starts_exactly_one_stores_its_key(TestStore store) throws Exception {
        JdbiApiKeyRepository keys = keys(store);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String digest = Integer.toString(i).repeat(64);
                Callable<Boolean> task = () -> {
                    start.await();
                    return keys.createIfNone("admin", digest);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            int stored = 0;
            for (Future<Boolean> result : results) {
                stored += result.get() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
            assertThat(keys.list()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @EachDatabase
    void record_use_only_moves_the_time_forward(TestStore store) {
        keys(store).create("admin", A);
        Instant later = NOW.plusSeconds(120);

        keys(store).recordUse("admin", later);
        keys(store).recordUse("admin", NOW.plusSeconds(60));
        keys(store).recordUse("absent", later);

        assertThat(keys(store).list()).containsExactly(new ApiKey("admin", A, NOW, later));
    }

    @EachDatabase
    void delete_reports_whether_the_key_existed(TestStore store) {
        keys(store).create("admin", A);

        assertThat(keys(store).delete("admin")).isTrue();
        assertThat(keys(store).delete("admin")).isFalse();
        assertThat(keys(store).list()).isEmpty();
    }
}
