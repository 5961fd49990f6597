package headwater.store.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Package;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** A channel's renditions (V9): other channels carrying the same programme, in the operator's order. */
class ChannelRenditionsTest {

    private static void channels(TestStore store, String... ids) {
        for (int i = 0; i < ids.length; i++) {
            store.channels().create(ChannelDraft.of(ids[i], i + 1, ids[i]));
        }
    }

    @EachDatabase
    void stores_them_in_order_and_replaces_them_as_a_whole(TestStore store) {
        channels(store, "news-uhd", "news-hd", "news-sd", "sport");
        assertThat(store.channels().renditions("news-uhd")).isEmpty();

        Channel set = store.channels().setRenditions("news-uhd", List.of("news-sd", "news-hd"));

        assertThat(set.version()).as("the renditions are part of the channel: its version moves on").isEqualTo(2);
        assertThat(store.channels().get("news-uhd").version()).isEqualTo(2);
        assertThat(store.channels().renditions("news-uhd")).containsExactly("news-sd", "news-hd");
        assertThat(store.channels().renditions("news-hd")).as("not symmetric").isEmpty();

        store.channels().setRenditions("news-hd", List.of("news-sd"));
        store.channels().setRenditions("news-uhd", List.of("news-hd"));
        assertThat(store.channels().renditions("news-uhd")).containsExactly("news-hd");
        assertThat(store.channels().allRenditions())
                .isEqualTo(Map.of("news-uhd", List.of("news-hd"), "news-hd", List.of("news-sd")));

        store.channels().setRenditions("news-uhd", List.of());
        assertThat(store.channels().renditions("news-uhd")).isEmpty();
        assertThat(store.channels().allRenditions()).isEqualTo(Map.of("news-hd", List.of("news-sd")));
    }

    @EachDatabase
    void refuses_the_channel_itself_a_repeat_an_unknown_rendition_and_an_unknown_channel(TestStore store) {
        channels(store, "news-hd", "news-sd");

        assertThatThrownBy(() -> store.channels().setRenditions("news-hd", List.of("news-sd", "news-hd")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("channel renditions lists the channel news-hd itself");
        assertThatThrownBy(() -> store.channels().setRenditions("news-hd", List.of("news-sd", "news-sd")))
                .isInstanceOf(InvalidValueException.class).hasMessage("channel renditions lists \"news-sd\" twice");
        assertThatThrownBy(() -> store.channels().setRenditions("news-hd", List.of("news-sd", "news-4k", "x")))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("channel news-hd refers to unknown channel ids [news-4k, x]");
        assertThatThrownBy(() -> store.channels().setRenditions("absent", List.of("news-sd")))
                .isInstanceOf(NotFoundException.class).hasMessage("channel absent does not exist");
        assertThatThrownBy(() -> store.channels().renditions("absent")).isInstanceOf(NotFoundException.class);

        assertThat(store.channels().renditions("news-hd")).as("nothing of a refused call is kept").isEmpty();
        assertThat(store.channels().get("news-hd").version()).isEqualTo(1);
    }

    @EachDatabase
    void the_schema_refuses_a_channel_listing_itself(TestStore store) {
        channels(store, "news-hd");
        assertThatThrownBy(() -> store.database().write(handle -> handle.createUpdate(
                "INSERT INTO channel_rendition (channel_id, rendition_id, position) VALUES ('news-hd', 'news-hd', 0)")
                .execute())).hasMessageContaining("channel_rendition_not_itself");
    }

    @EachDatabase
    void a_deleted_channel_leaves_the_lists_it_was_in_and_takes_its_own_along(TestStore store) {
        channels(store, "news-hd", "news-sd", "news-mobile");
        store.channels().setRenditions("news-hd", List.of("news-sd", "news-mobile"));
        store.channels().setRenditions("news-sd", List.of("news-mobile"));

        assertThat(store.channels().delete("news-sd")).isTrue();

        assertThat(store.channels().renditions("news-hd")).containsExactly("news-mobile");
        assertThat(store.channels().allRenditions()).isEqualTo(Map.of("news-hd", List.of("news-mobile")));
    }

    @EachDatabase
    void an_update_based_on_the_version_before_the_renditions_changed_is_refused(TestStore store) {
        channels(store, "news-hd", "news-sd");
        Channel read = store.channels().get("news-hd");
        store.channels().setRenditions("news-hd", List.of("news-sd"));

        assertThatThrownBy(() -> store.channels().update(read.version(), read.draft().withName("News")))
                .isInstanceOf(ConcurrentUpdateException.class);
    }

    @EachDatabase
    void concurrent_replacements_each_win_whole_in_turn(TestStore store) throws Exception {
        channels(store, "news-hd", "a", "b", "c", "d");
        List<List<String>> lists = List.of(List.of("a", "b"), List.of("c"), List.of("d", "c", "b"), List.of("b", "a"),
                List.of(), List.of("a", "d"), List.of("c", "a"), List.of("d"));
        ExecutorService pool = Executors.newFixedThreadPool(lists.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Channel>> results = new ArrayList<>();
            for (List<String> list : lists) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store.channels().setRenditions("news-hd", list);
                }));
            }
            start.countDown();
            for (Future<Channel> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.channels().get("news-hd").version()).as("every one bumped the version")
                .isEqualTo(1 + lists.size());
        assertThat(lists).as("the stored list is one of them, whole").contains(store.channels().renditions("news-hd"));
    }

    @EachDatabase
    void the_channels_fingerprint_changes_with_the_renditions(TestStore store) {
        channels(store, "news-hd", "news-sd");
        ChannelsFingerprint before = ChannelsFingerprint.read(store.database());
        store.channels().setRenditions("news-hd", List.of("news-sd"));
        assertThat(ChannelsFingerprint.read(store.database())).isNotEqualTo(before);
    }

    @EachDatabase
    void the_packages_fingerprint_changes_with_every_membership_change_and_only_then(TestStore store) {
        channels(store, "news-hd", "news-sd", "sport");
        PackagesFingerprint empty = PackagesFingerprint.read(store.database());
        assertThat(empty).isEqualTo(new PackagesFingerprint(0, 0, 0, 0, 0));

        Package basic = store.packages().create(new Package("basic", "Basic", Set.of("news-sd")));
        PackagesFingerprint created = PackagesFingerprint.read(store.database());
        assertThat(created).isNotEqualTo(empty);
        assertThat(PackagesFingerprint.read(store.database())).as("nothing changed").isEqualTo(created);

        store.packages().addChannels("basic", List.of("sport"));
        PackagesFingerprint added = PackagesFingerprint.read(store.database());
        assertThat(added).isNotEqualTo(created);

        Package now = store.packages().get("basic");
        store.packages().update(now.version(), new Package("basic", "Basic", Set.of("news-hd", "sport")));
        PackagesFingerprint swapped = PackagesFingerprint.read(store.database());
        assertThat(swapped).as("same size, other channel").isNotEqualTo(added);

        store.channels().delete("sport");
        assertThat(PackagesFingerprint.read(store.database())).as("a deleted channel leaves its packages")
                .isNotEqualTo(swapped);

        store.packages().delete(basic.id());
        assertThat(PackagesFingerprint.read(store.database())).isEqualTo(empty);

        store.packages().create(new Package("basic", "Basic", Set.of("news-hd")));
        PackagesFingerprint one = PackagesFingerprint.read(store.database());
        store.packages().delete("basic");
        store.packages().create(new Package("premium", "Premium", Set.of("news-sd")));
        assertThat(PackagesFingerprint.read(store.database())).as("one deleted and another created in between")
                .isNotEqualTo(one);
    }
}
