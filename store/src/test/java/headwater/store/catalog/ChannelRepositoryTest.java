package headwater.store.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.ChannelQuery;
import headwater.domain.catalog.ChannelSort;
import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Page;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

class ChannelRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();

    private static ChannelDraft full(String id, int number) {
        return new ChannelDraft(id, number, "News HD " + number, URI.create("https://logos.example/" + id + ".png"),
                List.of("news", "hd"), id + ".example", List.of(URI.create("http://primary.example/" + id + ".ts"),
                URI.create("udp://239.0.0.1:1234")), 7, false, true);
    }

    private static void categories(TestStore store) {
        store.categories().create(Category.of("news", "News", CategoryKind.LIVE));
        store.categories().create(Category.of("hd", "HD", CategoryKind.LIVE));
        store.categories().create(Category.of("music", "Music", CategoryKind.RADIO));
    }

    @EachDatabase
    void keeps_whether_a_channel_is_encrypted(TestStore store) {
        Channel created = store.channels().create(ChannelDraft.of("secret", 7, "Secret").withEncrypted(true));
        assertThat(store.channels().get("secret").encrypted()).isTrue();
        Channel renamed = store.channels().update(created.version(), created.draft().withName("Secret 2"));
        assertThat(store.channels().get("secret").encrypted()).isTrue();
        store.channels().update(renamed.version(), renamed.draft().withEncrypted(false));
        assertThat(store.channels().get("secret").encrypted()).isFalse();
        assertThat(store.channels().create(ChannelDraft.of("plain", 8, "Plain")).encrypted()).isFalse();
    }

    @EachDatabase
    void creates_and_reads_back_every_field(TestStore store) {
        categories(store);
        ChannelDraft draft = full("news-hd", 101);

        Channel created = store.channels().create(draft);

        assertThat(created).isEqualTo(new Channel(draft, 1, NOW, NOW));
        assertThat(store.channels().get("news-hd")).isEqualTo(created);
        assertThat(store.channels().get("news-hd").sources()).containsExactly(
                URI.create("http://primary.example/news-hd.ts"), URI.create("udp://239.0.0.1:1234"));
        assertThat(store.channels().find("absent")).isEmpty();
        assertThatThrownBy(() -> store.channels().get("absent")).isInstanceOf(NotFoundException.class)
                .hasMessage("channel absent does not exist");
    }

    @EachDatabase
    void an_update_replaces_every_field_and_moves_the_version_on(TestStore store) {
        categories(store);
        Channel created = store.channels().create(full("news-hd", 101));
        ChannelDraft changed = created.draft().withNumber(102).withName("News").withLogo(null)
                .withCategoryIds(List.of("hd")).withEpgChannelId(null)
                .withSources(List.of(URI.create("srt://backup.example:9000"))).withArchiveDays(0).withRadio(true)
                .withEnabled(false);

        Channel updated = store.channels().update(created.version(), changed);

        assertThat(updated).isEqualTo(new Channel(changed, 2, NOW, NOW));
        assertThat(store.channels().get("news-hd")).isEqualTo(updated);
        assertThat(store.channels().update(2, changed.withSources(List.of())).sources()).isEmpty();
        assertThat(store.channels().get("news-hd").version()).isEqualTo(3);
    }

    @EachDatabase
    void an_update_based_on_an_old_version_is_refused_naming_both_versions(TestStore store) {
        Channel created = store.channels().create(ChannelDraft.of("news-hd", 101, "News"));
        store.channels().update(created.version(), created.draft().withName("News 1"));

        assertThatThrownBy(() -> store.channels().update(created.version(), created.draft().withName("News 2")))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("channel news-hd was changed concurrently: the update expected version 1, the stored "
                        + "version is 2; read it again and reapply the change");
        assertThat(store.channels().get("news-hd").name()).isEqualTo("News 1");
        assertThatThrownBy(() -> store.channels().update(1, ChannelDraft.of("ghost", 5, "Ghost")))
                .isInstanceOf(NotFoundException.class).hasMessage("channel ghost does not exist");
    }

    @EachDatabase
    void of_two_concurrent_updates_of_one_version_exactly_one_wins(TestStore store) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String id = "race-" + round;
                Channel original = store.channels().create(ChannelDraft.of(id, round + 1, "Original"));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Channel>> updates = new ArrayList<>();
                for (String name : List.of("Writer A", "Writer B")) {
                    updates.add(threads.submit(() -> {
                        start.await();
                        return store.channels().update(original.version(), original.draft().withName(name));
                    }));
                }
                start.countDown();
                List<Channel> winners = new ArrayList<>();
                List<Throwable> losers = new ArrayList<>();
                for (Future<Channel> update : updates) {
                    try {
                        winners.add(update.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        losers.add(e.getCause());
                    }
                }
                assertThat(winners).hasSize(1);
                assertThat(losers).singleElement(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                        .isInstanceOf(ConcurrentUpdateException.class)
                        .hasMessageContaining("channel " + id + " was changed concurrently: the update expected "
                                + "version 1, the stored version is 2");
                Channel stored = store.channels().get(id);
                assertThat(stored.version()).isEqualTo(2);
                assertThat(stored.name()).isEqualTo(winners.getFirst().name());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @EachDatabase
    void a_taken_number_or_id_is_a_precise_error_and_changes_nothing(TestStore store) {
        store.channels().create(ChannelDraft.of("news-hd", 101, "News"));
        Channel sport = store.channels().create(ChannelDraft.of("sport", 102, "Sport"));

        assertThatThrownBy(() -> store.channels().create(ChannelDraft.of("news-sd", 101, "News SD")))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("channel number 101 is already used by channel news-hd (wanted by news-sd)");
        assertThatThrownBy(() -> store.channels().create(ChannelDraft.of("news-hd", 999, "Again")))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("channel id news-hd already exists");
        assertThatThrownBy(() -> store.channels().update(1, sport.draft().withNumber(101)))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("channel number 101 is already used by channel news-hd (wanted by sport)");
        assertThatThrownBy(() -> store.channels().createAll(List.of(ChannelDraft.of("a", 1, "A"),
                ChannelDraft.of("b", 1, "B"))))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("channel number 1 is given to both a and b in the batch");
        assertThatThrownBy(() -> store.channels().createAll(List.of(ChannelDraft.of("c", 3, "C"),
                ChannelDraft.of("d", 102, "D"))))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("channel number 102 is already used by channel sport (wanted by d)");

        assertThat(store.channels().count(ChannelQuery.firstPage(10))).isEqualTo(2);
        assertThat(store.channels().get("sport")).isEqualTo(sport);
    }

    @EachDatabase
    void a_category_that_does_not_exist_is_a_precise_error_and_changes_nothing(TestStore store) {
        categories(store);
        assertThatThrownBy(() -> store.channels().create(ChannelDraft.of("news-hd", 101, "News")
                .withCategoryIds(List.of("news", "sport", "kids"))))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("channel news-hd refers to unknown category ids [sport, kids]");
        assertThat(store.channels().find("news-hd")).isEmpty();

        Channel news = store.channels().create(ChannelDraft.of("news-hd", 101, "News").withCategoryIds(List.of("news")));
        assertThatThrownBy(() -> store.channels().update(1, news.draft().withCategoryIds(List.of("weather"))))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("channel news-hd refers to unknown category id [weather]");
        assertThat(store.channels().get("news-hd")).isEqualTo(news);
    }

    @EachDatabase
    void delete_removes_the_channel_with_its_details(TestStore store) {
        categories(store);
        store.channels().create(full("news-hd", 101));

        assertThat(store.channels().delete("news-hd")).isTrue();
        assertThat(store.channels().delete("news-hd")).isFalse();
        assertThat(store.channels().find("news-hd")).isEmpty();
        // The number is free again, and no category or source row was left behind to be adopted.
        Channel again = store.channels().create(ChannelDraft.of("news-hd", 101, "News"));
        assertThat(store.channels().get("news-hd")).isEqualTo(again);
        assertThat(again.categoryIds()).isEmpty();
        assertThat(again.sources()).isEmpty();
    }

    @EachDatabase
    void lists_pages_that_cover_every_match_once_with_filters_and_sorts(TestStore store) {
        categories(store);
        List<ChannelDraft> drafts = IntStream.rangeClosed(1, 45).mapToObj(n -> ChannelDraft.of("ch-" + n, 100 + n,
                        (n % 3 == 0 ? "Sport " : "News ") + n)
                .withCategoryIds(n % 2 == 0 ? List.of("news") : List.of("hd", "news"))
                .withEnabled(n % 5 != 0)
                .withRadio(n > 40))
                .toList();
        store.channels().createAll(drafts);

        List<String> seen = new ArrayList<>();
        ChannelQuery query = ChannelQuery.firstPage(10);
        Page<Channel> page;
        do {
            page = store.channels().list(query);
            assertThat(page.total()).isEqualTo(45);
            page.items().forEach(c -> seen.add(c.id()));
            query = query.next();
        } while (page.hasMore());
        assertThat(seen).isEqualTo(drafts.stream().map(ChannelDraft::id).toList());

        ChannelQuery hdEnabled = ChannelQuery.firstPage(100).inCategory("hd").enabledOnly(true);
        assertThat(store.channels().list(hdEnabled).items()).extracting(Channel::number)
                .containsExactly(101, 103, 107, 109, 111, 113, 117, 119, 121, 123, 127, 129, 131, 133, 137, 139, 141, 143);
        assertThat(store.channels().count(hdEnabled)).isEqualTo(18);
        assertThat(store.channels().list(ChannelQuery.firstPage(100).enabledOnly(false)).items())
                .extracting(Channel::id).containsExactly("ch-5", "ch-10", "ch-15", "ch-20", "ch-25", "ch-30", "ch-35",
                        "ch-40", "ch-45");
        assertThat(store.channels().list(ChannelQuery.firstPage(100).radioOnly(true)).items())
                .extracting(Channel::id).containsExactly("ch-41", "ch-42", "ch-43", "ch-44", "ch-45");
        assertThat(store.channels().count(ChannelQuery.firstPage(1).inCategory("music"))).isZero();

        ChannelQuery sport = ChannelQuery.firstPage(4).nameContaining("sPoRt 3").sortedBy(ChannelSort.NAME, true);
        Page<Channel> sportPage = store.channels().list(sport);
        assertThat(sportPage.total()).isEqualTo(5); // Sport 3, 30, 33, 36, 39
        assertThat(sportPage.items()).extracting(Channel::name)
                .containsExactly("Sport 39", "Sport 36", "Sport 33", "Sport 30");
    }

    @EachDatabase
    void both_databases_sort_names_and_ids_the_same_bytewise_way(TestStore store) {
        store.channels().createAll(List.of(ChannelDraft.of("b", 1, "apple"), ChannelDraft.of("a", 2, "Banana"),
                ChannelDraft.of("C", 3, "_under"), ChannelDraft.of("d", 4, "Äpfel"), ChannelDraft.of("e", 5, "apple")));

        assertThat(store.channels().list(ChannelQuery.firstPage(10).sortedBy(ChannelSort.NAME, false)).items())
                .extracting(Channel::id).containsExactly("a", "C", "b", "e", "d");
        assertThat(store.channels().list(ChannelQuery.firstPage(10).sortedBy(ChannelSort.NAME, true)).items())
                .extracting(Channel::id).containsExactly("d", "e", "b", "C", "a");
        assertThat(store.channels().list(ChannelQuery.firstPage(10).sortedBy(ChannelSort.ID, false)).items())
                .extracting(Channel::id).containsExactly("C", "a", "b", "d", "e");
        assertThat(store.channels().list(ChannelQuery.firstPage(2).sortedBy(ChannelSort.UPDATED, true).page(2, 2))
                .items()).extracting(Channel::id).containsExactly("b", "a"); // same time: by id, descending
    }

    @EachDatabase
    void like_wildcards_in_a_name_filter_are_literal(TestStore store) {
        store.channels().createAll(List.of(ChannelDraft.of("a", 1, "100% Hits"), ChannelDraft.of("b", 2, "1000 Hits"),
                ChannelDraft.of("c", 3, "snake_case"), ChannelDraft.of("d", 4, "snakeXcase"),
                ChannelDraft.of("e", 5, "back\\slash"), ChannelDraft.of("f", 6, "backslash")));

        assertThat(names(store, "0%")).containsExactly("100% Hits");
        assertThat(names(store, "e_c")).containsExactly("snake_case");
        assertThat(names(store, "k\\s")).containsExactly("back\\slash");
        assertThat(names(store, "")).hasSize(6);
    }

    private static List<String> names(TestStore store, String contains) {
        return store.channels().list(ChannelQuery.firstPage(100).nameContaining(contains)).items().stream()
                .map(Channel::name).toList();
    }

    @EachDatabase
    void sql_and_markup_in_every_text_field_are_stored_and_read_back_verbatim(TestStore store) {
        List<String> hostile = List.of(
                "'); DROP TABLE channel; --",
                "Robert'); DELETE FROM channel WHERE ('1'='1",
                "<script>alert('x')</script>",
                "\" OR \"\"=\"",
                "&amp; &lt;b&gt; <![CDATA[]]> <!-- -->",
                "%_\\ \\' \\\" $1 ${x} #{y} :name ? ?? $$ $tag$",
                "Ünïcødé 📺 עברית 中文 \u200b",
                "x' UNION SELECT id, number FROM channel --");
        store.categories().create(Category.of("evil", hostile.get(0), CategoryKind.LIVE));
        List<ChannelDraft> drafts = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            drafts.add(ChannelDraft.of("h" + i, i + 1, hostile.get(i)).withEpgChannelId(hostile.get(i))
                    .withCategoryIds(List.of("evil"))
                    .withLogo(URI.create("https://logos.example/a.png?q=%27%3B%20DROP%20TABLE%20channel%3B&x=%3Cb%3E"))
                    .withSources(List.of(URI.create("http://src.example/live?name=';--&t=%3Cscript%3E"))));
        }
        for (ChannelDraft draft : drafts) {
            store.channels().create(draft);
        }
        store.packages().create(new headwater.domain.catalog.Package("p", hostile.get(2), java.util.Set.of("h1")));

        for (ChannelDraft draft : drafts) {
            assertThat(store.channels().get(draft.id()).draft()).isEqualTo(draft);
            assertThat(names(store, draft.name())).containsExactly(draft.name());
        }
        assertThat(store.categories().get("evil").name()).isEqualTo(hostile.get(0));
        assertThat(store.packages().get("p").name()).isEqualTo(hostile.get(2));
        Channel updated = store.channels().update(1, drafts.get(1).withName(hostile.get(7)));
        assertThat(store.channels().get("h1")).isEqualTo(updated);
        assertThat(store.channels().count(ChannelQuery.firstPage(1))).isEqualTo(hostile.size());
    }

    @EachDatabase
    void ten_thousand_channels_go_in_and_come_back_out_page_by_page(TestStore store) {
        categories(store);
        List<ChannelDraft> drafts = IntStream.range(0, 10_000).mapToObj(n -> new ChannelDraft("bulk-" + n, n + 1,
                "Channel " + n, null, List.of(n % 2 == 0 ? "news" : "hd"), "bulk" + n + ".tv",
                List.of(URI.create("http://origin.example/" + n + "/index.m3u8")), n % 8, false, true)).toList();

        List<Channel> created = store.channels().createAll(drafts);

        assertThat(created).hasSize(10_000);
        List<ChannelDraft> readBack = new ArrayList<>();
        ChannelQuery query = ChannelQuery.firstPage(ChannelQuery.MAX_LIMIT);
        Page<Channel> page;
        do {
            page = store.channels().list(query);
            page.items().forEach(c -> readBack.add(c.draft()));
            query = query.next();
        } while (page.hasMore());
        assertThat(readBack).isEqualTo(drafts);
        assertThat(store.channels().count(ChannelQuery.firstPage(1).inCategory("news"))).isEqualTo(5_000);
    }
}
