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
import headwater.domain.catalog.ReferenceInUseException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.vod.Episode;
import headwater.domain.vod.EpisodeDraft;
import headwater.domain.vod.Season;
import headwater.domain.vod.Series;
import headwater.domain.vod.SeriesDraft;
import headwater.domain.vod.VodQuery;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class SeriesRepositoryTest {

    private static final Instant NOW = TestStore.CLOCK.instant();

    private static SeriesDraft full(String id) {
        return new SeriesDraft(id, "The Show", List.of("crime"), URI.create("https://img.example/" + id + ".jpg"),
                "Plot\nline two", "Ann Example", "Cy Example", "Crime", 2008, 9.5, true);
    }

    private static EpisodeDraft episode(String id, int season, int number) {
        return new EpisodeDraft(id, "show", season, number, "Episode " + number,
                URI.create("file:///srv/show/s" + season + "e" + number + ".mkv"), "What happens.",
                number == 1 ? MovieRepositoryTest.MKV : null);
    }

    /** A series "show" with seasons 1 and 2, two episodes in season 1 and one in season 2. */
    private static void show(TestStore store) {
        store.categories().create(Category.of("crime", "Crime", CategoryKind.SERIES));
        store.series().create(full("show"));
        store.series().saveSeason(new Season("show", 1, "Season 1", URI.create("https://img.example/s1.jpg"), "First."));
        store.series().saveSeason(Season.of("show", 2));
        store.series().createEpisode(episode("show-1x2", 1, 2));
        store.series().createEpisode(episode("show-1x1", 1, 1));
        store.series().createEpisode(episode("show-2x1", 2, 1));
    }

    @EachDatabase
    void stores_a_series_with_its_seasons_and_episodes_in_order(TestStore store) {
        show(store);

        assertThat(store.series().get("show")).isEqualTo(new Series(full("show"), 1, NOW, NOW));
        assertThat(store.series().seasons("show")).containsExactly(
                new Season("show", 1, "Season 1", URI.create("https://img.example/s1.jpg"), "First."),
                Season.of("show", 2));
        assertThat(store.series().episodes("show")).extracting(Episode::id)
                .containsExactly("show-1x1", "show-1x2", "show-2x1");
        assertThat(store.series().getEpisode("show-1x1")).isEqualTo(new Episode(episode("show-1x1", 1, 1), 1, NOW, NOW));
        assertThat(store.series().getEpisode("show-1x2").mediaInfo()).isNull();
        assertThatThrownBy(() -> store.series().episodes("ghost")).isInstanceOf(NotFoundException.class)
                .hasMessage("series ghost does not exist");
        assertThatThrownBy(() -> store.series().getEpisode("ghost")).isInstanceOf(NotFoundException.class)
                .hasMessage("episode ghost does not exist");
    }

    @EachDatabase
    void saving_a_season_again_replaces_it_and_updates_move_episodes(TestStore store) {
        show(store);

        store.series().saveSeason(new Season("show", 1, "Series one", null, null));
        EpisodeDraft moved = episode("show-1x2", 2, 7).withTitle("Moved");
        Episode updated = store.series().updateEpisode(1, moved);

        assertThat(store.series().seasons("show").getFirst()).isEqualTo(new Season("show", 1, "Series one", null, null));
        assertThat(updated).isEqualTo(new Episode(moved, 2, NOW, NOW));
        assertThat(store.series().getEpisode("show-1x2")).isEqualTo(updated);
        assertThat(store.series().episodes("show")).extracting(Episode::id)
                .containsExactly("show-1x1", "show-2x1", "show-1x2");
    }

    @EachDatabase
    void refuses_duplicates_missing_places_and_moves_to_another_series(TestStore store) {
        show(store);
        store.series().create(SeriesDraft.of("other", "Other"));

        assertThatThrownBy(() -> store.series().createEpisode(episode("show-1x1", 2, 9)))
                .isInstanceOf(DuplicateKeyException.class).hasMessage("episode id show-1x1 already exists");
        assertThatThrownBy(() -> store.series().createEpisode(episode("again", 1, 2)))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("episode number 1x2 of series show is already episode show-1x2 (wanted by again)");
        assertThatThrownBy(() -> store.series().updateEpisode(1, episode("show-2x1", 1, 1)))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessage("episode number 1x1 of series show is already episode show-1x1 (wanted by show-2x1)");
        assertThatThrownBy(() -> store.series().createEpisode(episode("lost", 3, 1)))
                .isInstanceOf(NotFoundException.class).hasMessage("series show season 3 does not exist");
        assertThatThrownBy(() -> store.series().createEpisode(new EpisodeDraft("orphan", "ghost", 1, 1, "Orphan",
                URI.create("file:///o.mkv"), null, null)))
                .isInstanceOf(NotFoundException.class).hasMessage("series ghost does not exist");
        assertThatThrownBy(() -> store.series().updateEpisode(1, new EpisodeDraft("show-1x1", "other", 1, 1, "Stolen",
                URI.create("file:///o.mkv"), null, null)))
                .isInstanceOf(InvalidValueException.class).hasMessage("episode seriesId is \"other\": episode show-1x1 "
                        + "belongs to series show and cannot move to another");
        assertThatThrownBy(() -> store.series().updateEpisode(1, episode("ghost", 1, 9)))
                .isInstanceOf(NotFoundException.class).hasMessage("episode ghost does not exist");
        assertThatThrownBy(() -> store.series().saveSeason(Season.of("ghost", 1)))
                .isInstanceOf(NotFoundException.class).hasMessage("series ghost does not exist");
        assertThatThrownBy(() -> store.series().create(full("show"))).isInstanceOf(DuplicateKeyException.class)
                .hasMessage("series id show already exists");
        assertThatThrownBy(() -> store.series().create(full("new").withCategoryIds(List.of("crime", "soap"))))
                .isInstanceOf(UnknownReferenceException.class).hasMessage("series new refers to unknown category id [soap]");
        assertThat(store.series().find("new")).isEmpty();
        assertThat(store.series().episodes("show")).extracting(Episode::id)
                .containsExactly("show-1x1", "show-1x2", "show-2x1");
        assertThat(store.series().getEpisode("show-2x1").draft()).isEqualTo(episode("show-2x1", 2, 1));
        assertThatThrownBy(() -> store.series().updateEpisode(3, episode("show-2x1", 2, 1).withTitle("Stale")))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessage("episode show-2x1 was changed concurrently: the update expected version 3, the stored "
                        + "version is 1; read it again and reapply the change");
    }

    @EachDatabase
    void deleting_a_season_or_the_series_cascades_to_what_it_holds(TestStore store) {
        show(store);

        assertThat(store.series().deleteSeason("show", 2)).isTrue();
        assertThat(store.series().deleteSeason("show", 2)).isFalse();
        assertThat(store.series().findEpisode("show-2x1")).isEmpty();
        assertThat(store.series().deleteEpisode("show-1x2")).isTrue();
        assertThat(store.series().deleteEpisode("show-1x2")).isFalse();
        assertThatThrownBy(() -> store.categories().delete("crime")).isInstanceOf(ReferenceInUseException.class)
                .hasMessage("category crime cannot be deleted: it is used by 1 series");

        assertThat(store.series().delete("show")).isTrue();

        assertThat(store.series().find("show")).isEmpty();
        assertThat(store.series().findEpisode("show-1x1")).isEmpty();
        assertThatThrownBy(() -> store.series().seasons("show")).isInstanceOf(NotFoundException.class);
        store.series().create(SeriesDraft.of("show", "Show again"));
        assertThat(store.series().seasons("show")).isEmpty();
        assertThat(store.series().episodes("show")).isEmpty();
        assertThat(store.categories().delete("crime")).isTrue();
    }

    @EachDatabase
    void an_update_replaces_the_series_fields_with_optimistic_versions(TestStore store) {
        show(store);
        SeriesDraft changed = full("show").withName("The <b>Show</b>'; --").withCategoryIds(List.of())
                .withDescription(null, null, null, null, null, null, null).withEnabled(false);

        Series updated = store.series().update(1, changed);

        assertThat(updated).isEqualTo(new Series(changed, 2, NOW, NOW));
        assertThat(store.series().get("show")).isEqualTo(updated);
        assertThat(store.series().episodes("show")).hasSize(3);
        assertThatThrownBy(() -> store.series().update(1, changed.withName("Stale")))
                .isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageStartingWith("series show was changed concurrently: the update expected version 1, the "
                        + "stored version is 2");
        assertThat(store.series().list(VodQuery.firstPage(10).nameContaining("<b>show")).items())
                .containsExactly(updated);
        assertThat(store.series().list(VodQuery.firstPage(10).ofYear(2008)).total()).isZero();
        assertThat(store.series().list(VodQuery.firstPage(10).enabledOnly(false)).items()).containsExactly(updated);
        store.series().create(SeriesDraft.of("soap", "Soap"));
        store.packages().create(Package.of("kids", "Kids").withSeriesIds(Set.of("soap")));
        assertThat(store.series().list(VodQuery.firstPage(10).inPackages(Set.of("kids"))).items())
                .extracting(Series::id).containsExactly("soap");
        assertThat(store.series().list(VodQuery.firstPage(10).inCategory("crime").inPackages(Set.of("kids"))).total())
                .isZero();
    }

    @EachDatabase
    void sql_and_markup_in_season_and_episode_text_are_stored_verbatim(TestStore store) {
        store.series().create(SeriesDraft.of("show", "Show"));
        String sql = "x'); DELETE FROM episode; --";
        String markup = "<img src=x onerror=alert(1)> &lt; ]]> %_\\";
        Season season = new Season("show", 0, markup, null, sql + "\n" + markup);
        EpisodeDraft episode = new EpisodeDraft("special", "show", 0, 0, sql, URI.create("file:///srv/it's%20x.mkv"),
                markup, null);

        store.series().saveSeason(season);
        store.series().createEpisode(episode);

        assertThat(store.series().seasons("show")).containsExactly(season);
        assertThat(store.series().getEpisode("special").draft()).isEqualTo(episode);
    }

    @EachDatabase
    void of_two_concurrent_updates_of_one_version_exactly_one_wins(TestStore store) throws Exception {
        Series original = store.series().create(SeriesDraft.of("race", "Original"));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            long version = original.version();
            for (int round = 0; round < 10; round++) {
                Series base = store.series().get("race");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Series>> updates = new ArrayList<>();
                for (String name : List.of("A " + round, "B " + round)) {
                    updates.add(threads.submit(() -> {
                        start.await();
                        return store.series().update(base.version(), base.draft().withName(name));
                    }));
                }
                start.countDown();
                int won = 0;
                for (Future<Series> update : updates) {
                    try {
                        update.get();
                        won++;
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ConcurrentUpdateException.class);
                    }
                }
                version++;
                assertThat(won).isEqualTo(1);
                assertThat(store.series().get("race").version()).isEqualTo(version);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @EachDatabase
    void of_two_concurrent_episode_updates_of_one_version_exactly_one_wins(TestStore store) throws Exception {
        show(store);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                Episode base = store.series().getEpisode("show-1x1");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Episode>> updates = new ArrayList<>();
                for (String title : List.of("Operator's title " + round, "Probed " + round)) {
                    updates.add(threads.submit(() -> {
                        start.await();
                        return store.series().updateEpisode(base.version(), base.draft().withTitle(title));
                    }));
                }
                start.countDown();
                List<Episode> winners = new ArrayList<>();
                for (Future<Episode> update : updates) {
                    try {
                        winners.add(update.get());
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ConcurrentUpdateException.class)
                                .hasMessageContaining("the update expected version " + base.version()
                                        + ", the stored version is " + (base.version() + 1));
                    }
                }
                assertThat(winners).hasSize(1);
                assertThat(store.series().getEpisode("show-1x1")).isEqualTo(winners.getFirst());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
