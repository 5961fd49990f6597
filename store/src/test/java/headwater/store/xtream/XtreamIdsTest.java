package headwater.store.xtream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.InvalidValueException;
import headwater.domain.xtream.XtreamIds.Kind;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

class XtreamIdsTest {

    @EachDatabase
    void numbers_are_allocated_in_asking_order_from_one_and_unique_across_kinds(TestStore store) {
        JdbiXtreamIds ids = new JdbiXtreamIds(store.database());

        assertThat(ids.numbers(Kind.CHANNEL, List.of("news", "sport", "news"))).isEqualTo(Map.of("news", 1, "sport", 2));
        assertThat(ids.number(Kind.MOVIE, "news")).isEqualTo(3);
        assertThat(ids.number(Kind.CATEGORY, "news")).isEqualTo(4);
        assertThat(ids.numbers(Kind.CHANNEL, List.of("sport", "music", "news")))
                .isEqualTo(Map.of("sport", 2, "music", 5, "news", 1));
        assertThat(ids.numbers(Kind.SERIES, List.of())).isEmpty();
    }

    @EachDatabase
    void numbers_read_back_to_their_id_only_for_their_kind_and_survive_a_restart(TestStore store) {
        JdbiXtreamIds ids = new JdbiXtreamIds(store.database());
        int news = ids.number(Kind.CHANNEL, "news");
        int film = ids.number(Kind.MOVIE, "film");
        store.closeDatabase();

        JdbiXtreamIds reopened = new JdbiXtreamIds(store.database());
        assertThat(reopened.id(Kind.CHANNEL, news)).contains("news");
        assertThat(reopened.id(Kind.MOVIE, news)).isEmpty();
        assertThat(reopened.id(Kind.MOVIE, film)).contains("film");
        assertThat(reopened.id(Kind.CHANNEL, 999)).isEmpty();
        assertThat(reopened.id(Kind.CHANNEL, -1)).isEmpty();
        assertThat(reopened.number(Kind.CHANNEL, "news")).isEqualTo(news);
        assertThat(reopened.number(Kind.EPISODE, "e1")).isEqualTo(film + 1);
    }

    @EachDatabase
    void ten_thousand_ids_are_allocated_in_one_call_and_then_served_from_memory(TestStore store) {
        JdbiXtreamIds ids = new JdbiXtreamIds(store.database());
        List<String> many = IntStream.range(0, 10_000).mapToObj(i -> "ch-" + i).toList();

        Map<String, Integer> numbers = ids.numbers(Kind.CHANNEL, many);

        assertThat(numbers).hasSize(10_000);
        assertThat(new HashSet<>(numbers.values())).hasSize(10_000);
        assertThat(numbers.get("ch-0")).isEqualTo(1);
        assertThat(numbers.get("ch-9999")).isEqualTo(10_000);
        assertThat(new JdbiXtreamIds(store.database()).numbers(Kind.CHANNEL, many)).isEqualTo(numbers);
    }

    @EachDatabase
    void racing_allocators_of_the_same_ids_agree(TestStore store) throws Exception {
        List<String> wanted = IntStream.range(0, 200).mapToObj(i -> "m" + i).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Map<String, Integer>>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                JdbiXtreamIds ids = new JdbiXtreamIds(store.database()); // as if four processes
                Callable<Map<String, Integer>> task = () -> {
                    start.await();
                    return ids.numbers(Kind.MOVIE, wanted);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            Set<Map<String, Integer>> distinct = new HashSet<>();
            for (Future<Map<String, Integer>> result : results) {
                distinct.add(result.get());
            }
            assertThat(distinct).hasSize(1);
            assertThat(new HashSet<>(distinct.iterator().next().values())).hasSize(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @EachDatabase
    void an_id_that_is_not_an_id_is_refused(TestStore store) {
        JdbiXtreamIds ids = new JdbiXtreamIds(store.database());
        assertThatThrownBy(() -> ids.number(Kind.CHANNEL, "bad id")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ids.number(Kind.CHANNEL, "")).isInstanceOf(InvalidValueException.class);
    }
}
