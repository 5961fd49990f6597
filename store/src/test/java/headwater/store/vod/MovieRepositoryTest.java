package headwater.store.vod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.ConcurrentUpdateException;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Package;
import headwater.domain.catalog.Page;
import headwater.domain.catalog.ReferenceInUseException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.vod.AudioTrack;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.Movie;
import headwater.domain.vod.MovieDraft;
import headwater.domain.vod.VideoTrack;
import headwater.domain.vod.VodQuery;
import headwater.domain.vod.VodSort;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.InstanceOfAssertFactories;

class MovieRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();

    static final MediaInfo MKV = new MediaInfo(Duration.ofMillis(7_265_123), "matroska,webm",
            new VideoTrack("hevc", 3840, 2160, 23.976),
            List.of(new AudioTrack("eac3", 6, "eng"), new AudioTrack("aac", 2, "pt-BR"), new AudioTrack("ac3", 2, "und")),
            18_500_000L, List.of("eng", "fra", "und"));

    static final MediaInfo AUDIO_ONLY = new MediaInfo(null, "mp3", null, List.of(new AudioTrack("mp3", 2, "und")),
            null, List.of());

    private static MovieDraft full(String id) {
        return new MovieDraft(id, "The Example", URI.create("file:///srv/media/films/" + id + ".mkv"),
                List.of("drama", "uhd"), URI.create("https://img.example/" + id + ".jpg"),
                "A plot.\nOn two lines,\twith a tab.", "Ann Example, Bo Example", "Cy Example", "Drama, Crime", 1999,
                8.4, MKV, true);
    }

    private static void categories(TestStore store) {
        store.categories().create(Category.of("drama", "Drama", CategoryKind.VOD));
        store.categories().create(Category.of("uhd", "4K", CategoryKind.VOD));
        store.categories().create(Category.of("comedy", "Comedy", CategoryKind.VOD));
        store.categories().create(Category.of("news", "News", CategoryKind.LIVE));
    }

    @EachDatabase
    void creates_and_reads_back_every_field(TestStore store) {
        categories(store);
        MovieDraft draft = full("example");

        Movie created = store.movies().create(draft);

        assertThat(created).isEqualTo(new Movie(draft, 1, NOW, NOW));
        assertThat(store.movies().get("example")).isEqualTo(created);
        assertThat(store.movies().get("example").mediaInfo().audioLanguages()).containsExactly("eng", "pt-BR", "und");
        assertThat(store.movies().find("absent")).isEmpty();
        assertThatThrownBy(() -> store.movies().get("absent")).isInstanceOf(NotFoundException.class)
                .hasMessage("movie absent does not exist");
    }

    @EachDatabase
    void optional_fields_and_unprobed_or_audio_only_media_read_back_as_given(TestStore store) {
        MovieDraft bare = MovieDraft.of("bare", "Bare", URI.create("https://cdn.example/bare.mp4?token=a%20b"));
        MovieDraft audio = MovieDraft.of("radio-play", "Radio play", URI.create("file:///srv/a.mp3"))
                .withMediaInfo(AUDIO_ONLY).withEnabled(false);

        store.movies().create(bare);
        store.movies().create(audio);

        assertThat(store.movies().get("bare").draft()).isEqualTo(bare);
        assertThat(store.movies().get("bare").mediaInfo()).isNull();
        assertThat(store.movies().get("radio-play").draft()).isEqualTo(audio);
    }

    @EachDatabase
    void an_update_replaces_every_field_keeps_the_added_time_and_moves_the_version_on(TestStore store) {
        categories(store);
        Movie created = store.movies().create(full("example"));
        MovieDraft changed = created.draft().withName("Renamed").withSource(URI.create("http://origin.example/e.mp4"))
                .withCategoryIds(List.of("comedy", "drama")).withDescription(null, null, null, null, null, null, null)
                .withMediaInfo(AUDIO_ONLY).withEnabled(false);

        Movie updated = store.movies().update(1, changed);

        assertThat(updated).isEqualTo(new Movie(changed, 2, NOW, NOW));
        assertThat(store.movies().get("example")).isEqualTo(updated);
        assertThat(store.movies().update(2, changed.withMediaInfo(null).withCategoryIds(List.of())).version()).isEqualTo(3);
        assertThat(store.movies().get("example").draft().categoryIds()).isEmpty();
        assertThat(store.movies().get("example").mediaInfo()).isNull();
    }

    @EachDatabase
    void refuses_a_taken_id_unknown_or_foreign_categories_and_stale_versions_changing_nothing(TestStore store) {
        categories(store);
        Movie stored = store.movies().create(full("example"));

        assertThatThrownBy(() -> store.movies().create(MovieDraft.of("example", "Again", URI.create("file:///x.mkv"))))
                .isInstanceOf(DuplicateKeyException.class).hasMessage("movie id example already exists");
        assertThatThrownBy(() -> store.movies().create(full("other").withCategoryIds(List.of("drama", "horror", "war"))))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("movie other refers to unknown category ids [horror, war]");
        assertThat(store.movies().find("other")).isEmpty();
        assertThatThrownBy(() -> store.movies().update(1, stored.draft().withCategoryIds(List.of("drama", "news"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("movie categoryIds[1] \"news\" is a LIVE category: a movie belongs to VOD categories");
        assertThatThrownBy(() -> store.movies().update(7, stored.draft().withName("Stale")))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("movie example was changed concurrently: the update expected version 7, the stored "
                        + "version is 1; read it again and reapply the change");
        assertThatThrownBy(() -> store.movies().update(1, MovieDraft.of("ghost", "Ghost", URI.create("file:///g.mkv"))))
                .isInstanceOf(NotFoundException.class).hasMessage("movie ghost does not exist");
        assertThat(store.movies().get("example")).isEqualTo(stored);
    }

    @EachDatabase
    void sql_and_markup_in_text_fields_are_stored_verbatim(TestStore store) {
        String sql = "'); DROP TABLE movie; -- \" OR 1=1 /* ";
        String markup = "<script>alert('x')</script>&amp;<![CDATA[ ]]> ${jndi:ldap://x} % _ \\";
        MovieDraft hostile = new MovieDraft("hostile", sql, URI.create("file:///srv/it's%20here.mkv"), List.of(),
                URI.create("https://img.example/p.jpg?q=%3Cscript%3E"), markup + "\n" + sql, sql, markup, markup,
                2001, 0.0, null, true);

        store.movies().create(hostile);

        assertThat(store.movies().get("hostile").draft()).isEqualTo(hostile);
        assertThat(store.movies().list(VodQuery.firstPage(10).nameContaining("DROP TABLE")).items())
                .extracting(Movie::id).containsExactly("hostile");
        assertThat(store.movies().list(VodQuery.firstPage(10).nameContaining("%")).total()).isZero();
    }

    @EachDatabase
    void lists_by_category_name_and_year_page_by_page_in_each_order(TestStore store) {
        categories(store);
        store.movies().create(full("a").withName("Alpha").withCategoryIds(List.of("drama")).withYear(2001));
        store.movies().create(full("b").withName("beta 100%").withCategoryIds(List.of("comedy")).withYear(1999));
        store.movies().create(full("c").withName("Gamma").withCategoryIds(List.of("comedy", "drama")).withYear(2001));
        store.movies().create(full("d").withName("Delta_2").withCategoryIds(List.of()).withYear(null).withEnabled(false));

        VodQuery all = VodQuery.firstPage(2);
        Page<Movie> first = store.movies().list(all);
        Page<Movie> second = store.movies().list(all.next());
        assertThat(first.items()).extracting(Movie::id).containsExactly("a", "d");
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).extracting(Movie::id).containsExactly("c", "b");
        assertThat(second.hasMore()).isFalse();

        assertThat(ids(store, VodQuery.firstPage(10).inCategory("drama"))).containsExactly("a", "c");
        assertThat(ids(store, VodQuery.firstPage(10).ofYear(2001))).containsExactly("a", "c");
        assertThat(ids(store, VodQuery.firstPage(10).nameContaining("A"))).containsExactly("a", "d", "c", "b");
        assertThat(ids(store, VodQuery.firstPage(10).nameContaining("100%"))).containsExactly("b");
        assertThat(ids(store, VodQuery.firstPage(10).nameContaining("a_"))).containsExactly("d");
        assertThat(ids(store, VodQuery.firstPage(10).enabledOnly(false))).containsExactly("d");
        assertThat(ids(store, VodQuery.firstPage(10).inCategory("comedy").ofYear(2001))).containsExactly("c");
        assertThat(ids(store, VodQuery.firstPage(10).sortedBy(VodSort.YEAR, false))).containsExactly("d", "b", "a", "c");
        assertThat(ids(store, VodQuery.firstPage(10).sortedBy(VodSort.YEAR, true))).containsExactly("c", "a", "b", "d");
        assertThat(ids(store, VodQuery.firstPage(10).sortedBy(VodSort.ADDED, true))).containsExactly("d", "c", "b", "a");
        assertThat(store.movies().list(VodQuery.firstPage(10).inCategory("nothing")).total()).isZero();
    }

    @EachDatabase
    void lists_only_what_the_given_packages_hold(TestStore store) {
        for (String id : List.of("a", "b", "c")) {
            store.movies().create(MovieDraft.of(id, "Film " + id, URI.create("file:///srv/" + id + ".mkv")));
        }
        store.packages().create(Package.of("basic", "Basic").withMovieIds(Set.of("a")));
        store.packages().create(Package.of("premium", "Premium").withMovieIds(Set.of("a", "c")));
        store.packages().create(Package.of("empty", "Empty"));

        assertThat(ids(store, VodQuery.firstPage(10).inPackages(Set.of("basic")))).containsExactly("a");
        assertThat(ids(store, VodQuery.firstPage(10).inPackages(Set.of("basic", "premium")))).containsExactly("a", "c");
        assertThat(store.movies().list(VodQuery.firstPage(10).inPackages(Set.of("basic", "premium"))).total())
                .isEqualTo(2);
        assertThat(ids(store, VodQuery.firstPage(10).inPackages(Set.of("empty", "unknown")))).isEmpty();
        assertThat(ids(store, VodQuery.firstPage(10).inPackages(Set.of()))).isEmpty();
        assertThat(ids(store, VodQuery.firstPage(10).inPackages(null))).containsExactly("a", "b", "c");
    }

    @EachDatabase
    void deleting_removes_the_film_and_frees_its_categories(TestStore store) {
        categories(store);
        store.movies().create(full("example"));

        assertThatThrownBy(() -> store.categories().delete("uhd")).isInstanceOf(ReferenceInUseException.class)
                .hasMessage("category uhd cannot be deleted: it is used by 1 movie");
        assertThat(store.movies().delete("example")).isTrue();
        assertThat(store.movies().delete("example")).isFalse();
        assertThat(store.movies().find("example")).isEmpty();
        assertThat(store.categories().delete("uhd")).isTrue();
    }

    @EachDatabase
    void of_two_concurrent_updates_of_one_version_exactly_one_wins(TestStore store) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                Movie original = store.movies().create(MovieDraft.of("race-" + round, "Original",
                        URI.create("file:///srv/race.mkv")));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Movie>> updates = new ArrayList<>();
                for (String name : List.of("Writer A", "Writer B")) {
                    updates.add(threads.submit(() -> {
                        start.await();
                        return store.movies().update(original.version(), original.draft().withName(name));
                    }));
                }
                start.countDown();
                List<Movie> winners = new ArrayList<>();
                List<Throwable> losers = new ArrayList<>();
                for (Future<Movie> update : updates) {
                    try {
                        winners.add(update.get());
                    } catch (ExecutionException e) {
                        losers.add(e.getCause());
                    }
                }
                assertThat(winners).hasSize(1);
                assertThat(losers).singleElement(InstanceOfAssertFactories.THROWABLE)
                        .isInstanceOf(ConcurrentUpdateException.class)
                        .hasMessageContaining("movie race-" + round + " was changed concurrently: the update expected "
                                + "version 1, the stored version is 2");
                assertThat(store.movies().get(original.id())).isEqualTo(winners.getFirst());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<String> ids(TestStore store, VodQuery query) {
        return store.movies().list(query).items().stream().map(Movie::id).toList();
    }
}
