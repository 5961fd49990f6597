package headwater.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Package;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.subscriber.Device;
import headwater.domain.subscriber.MacAddress;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.store.subscriber.JdbiDeviceRepository;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The optimistic versions of categories, packages, plans and devices (V7), and the package membership changes that
 * need no version at all because they are one statement each in the store.
 */
class VersionsTest {

    private static final int THREADS = 20;
    private static final PasswordHash HASH = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");

    @EachDatabase
    void a_stale_category_update_is_refused_naming_both_versions_and_changes_nothing(TestStore store) {
        var categories = store.categories();
        Category news = categories.create(Category.of("news", "News", CategoryKind.LIVE));
        assertThat(news.version()).isEqualTo(1);

        Category renamed = categories.update(1, news.withName("World news"));

        assertThat(renamed.version()).isEqualTo(2);
        assertThat(categories.get("news")).isEqualTo(renamed);
        assertThatThrownBy(() -> categories.update(1, news.withName("Local news")))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("category news was changed concurrently: the update expected version 1, the stored "
                        + "version is 2; read it again and reapply the change");
        assertThat(categories.get("news")).isEqualTo(renamed);
        assertThatThrownBy(() -> categories.update(1, Category.of("ghost", "Ghost", CategoryKind.LIVE)))
                .isInstanceOf(NotFoundException.class);
    }

    @EachDatabase
    void a_stale_package_update_is_refused_and_changes_nothing(TestStore store) {
        channels(store, 2);
        var packages = store.packages();
        Package basic = packages.create(Package.of("basic", "Basic", "ch-0"));

        Package bigger = packages.update(basic.version(), basic.withChannelIds(Set.of("ch-0", "ch-1")));

        assertThat(bigger.version()).isEqualTo(2);
        assertThatThrownBy(() -> packages.update(basic.version(), basic.withName("Stale")))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("package basic was changed concurrently: the update expected version 1, the "
                        + "stored version is 2");
        assertThat(packages.get("basic")).isEqualTo(bigger);
    }

    @EachDatabase
    void a_stale_plan_update_is_refused_and_changes_nothing(TestStore store) {
        var plans = new JdbiPlanRepository(store.database());
        Plan gold = plans.create(Plan.of("gold", "Gold", Money.of(1999, "EUR")));

        Plan dearer = plans.update(gold.version(), gold.withPrice(Money.of(2499, "EUR")));

        assertThat(dearer.version()).isEqualTo(2);
        assertThatThrownBy(() -> plans.update(1, gold.withMaxConnections(4)))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("plan gold was changed concurrently: the update expected version 1, the stored "
                        + "version is 2");
        assertThat(plans.get("gold")).isEqualTo(dearer);
    }

    @EachDatabase
    void a_stale_device_update_is_refused_and_seen_neither_bumps_the_version_nor_is_lost(TestStore store) {
        new JdbiSubscriberRepository(store.database(), TestStore.CLOCK).create(SubscriberDraft.of("s1", "alice", HASH));
        var devices = new JdbiDeviceRepository(store.database());
        Device box = devices.create(Device.stb("box-1", "s1", MacAddress.parse("00:1a:79:0b:cd:ef")));
        Instant seenAt = Instant.parse("2026-11-21T06:00:00.123Z");

        Device seen = devices.seen("box-1", seenAt);
        Device updated = devices.update(box.version(), box.withFirmwareVersion("0.2.20"));

        assertThat(seen.version()).isEqualTo(1);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.lastSeen()).isEqualTo(seenAt);
        assertThatThrownBy(() -> devices.update(1, box.withModel("MAG 524")))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("device box-1 was changed concurrently: the update expected version 1, the "
                        + "stored version is 2");
        assertThat(devices.get("box-1")).isEqualTo(updated);
    }

    @EachDatabase
    void concurrent_additions_of_different_channels_to_one_package_are_all_kept(TestStore store) throws Exception {
        channels(store, THREADS);
        var packages = store.packages();
        packages.create(Package.of("all", "All"));

        race(i -> () -> packages.addChannels("all", List.of("ch-" + i)));

        Package all = packages.get("all");
        assertThat(all.channelIds()).hasSize(THREADS)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, THREADS).mapToObj(i -> "ch-" + i).toList());
        assertThat(all.version()).isEqualTo(1 + THREADS);
    }

    @EachDatabase
    void membership_changes_are_idempotent_additions_and_precise_errors_that_change_nothing(TestStore store) {
        channels(store, 3);
        var packages = store.packages();
        packages.create(Package.of("basic", "Basic", "ch-0"));

        Package added = packages.addChannels("basic", List.of("ch-0", "ch-1"));
        Package again = packages.addChannels("basic", List.of("ch-1"));

        assertThat(added.channelIds()).containsExactly("ch-0", "ch-1");
        assertThat(added.version()).isEqualTo(2);
        assertThat(again).isEqualTo(added);
        assertThatThrownBy(() -> packages.addChannels("basic", List.of("ch-2", "ghost", "void")))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("package basic refers to unknown channel ids [ghost, void]");
        assertThatThrownBy(() -> packages.addChannels("nope", List.of("ch-2")))
                .isInstanceOf(NotFoundException.class).hasMessage("package nope does not exist");
        assertThatThrownBy(() -> packages.removeChannels("basic", List.of("ch-0", "ch-2")))
                .isInstanceOf(NotFoundException.class).hasMessage("channel ch-2 in package basic does not exist");
        assertThat(packages.get("basic")).isEqualTo(added);

        Package removed = packages.removeChannels("basic", List.of("ch-0"));

        assertThat(removed.channelIds()).containsExactly("ch-1");
        assertThat(removed.version()).isEqualTo(3);
    }

    @EachDatabase
    void read_modify_write_updates_that_retry_on_conflict_lose_nothing(TestStore store) throws Exception {
        channels(store, THREADS);
        var packages = store.packages();
        packages.create(Package.of("all", "All"));

        List<Integer> attempts = race(i -> () -> {
            for (int attempt = 1; ; attempt++) {
                Package current = packages.get("all");
                Set<String> more = new TreeSet<>(current.channelIds());
                more.add("ch-" + i);
                try {
                    packages.update(current.version(), current.withChannelIds(more));
                    return attempt;
                } catch (ConcurrentUpdateException lost) {
                    // someone else's change came first: read it and reapply ours
                }
            }
        });

        Package all = packages.get("all");
        assertThat(all.channelIds()).hasSize(THREADS);
        assertThat(all.version()).isEqualTo(1 + THREADS);
        // Every successful update bumped the version once; each retry followed someone else's success.
        assertThat(attempts.stream().mapToInt(Integer::intValue).sum() - THREADS).isLessThanOrEqualTo(
                THREADS * (THREADS - 1) / 2);
    }

    private static void channels(TestStore store, int count) {
        store.channels().createAll(IntStream.range(0, count)
                .mapToObj(i -> ChannelDraft.of("ch-" + i, 100 + i, "Channel " + i)).toList());
    }

    /** Runs task {@code i} for every i below {@link #THREADS}, all released at once; their results in order. */
    private static <T> List<T> race(IntFunction<Callable<T>> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<T> work = task.apply(i);
                results.add(threads.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<T> values = new ArrayList<>();
            for (Future<T> result : results) {
                values.add(result.get());
            }
            return values;
        } finally {
            threads.shutdownNow();
        }
    }
}
