package headwater.store.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Package;
import headwater.domain.catalog.Page;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.vod.MovieDraft;
import headwater.domain.vod.SeriesDraft;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.net.URI;
import java.util.List;
import java.util.Set;

class PackageRepositoryTest {

    private static void channels(TestStore store) {
        store.channels().createAll(List.of(ChannelDraft.of("news", 3, "News"), ChannelDraft.of("sport", 1, "Sport"),
                ChannelDraft.of("kids", 2, "Kids"), ChannelDraft.of("films", 4, "Films")));
    }

    @EachDatabase
    void creates_reads_replaces_and_deletes_a_package(TestStore store) {
        channels(store);
        var packages = store.packages();
        Package basic = packages.create(Package.of("basic", "Basic", "news", "kids"));
        Package empty = packages.create(Package.of("empty", "Empty"));

        assertThat(packages.get("basic")).isEqualTo(basic);
        assertThat(packages.get("basic").channelIds()).containsExactly("kids", "news");
        assertThat(packages.list()).containsExactly(basic, empty);

        Package bigger = packages.update(basic.version(), basic.withName("Basic+").withChannelIds(Set.of("news", "sport", "films")));
        assertThat(packages.get("basic")).isEqualTo(bigger);
        assertThat(packages.delete("empty")).isTrue();
        assertThat(packages.delete("empty")).isFalse();
        assertThat(packages.find("empty")).isEmpty();
    }

    @EachDatabase
    void lists_a_packages_channels_by_number_page_by_page(TestStore store) {
        channels(store);
        store.packages().create(Package.of("all", "All", "news", "sport", "kids", "films"));

        Page<Channel> first = store.packages().channels("all", 0, 3);
        Page<Channel> second = store.packages().channels("all", 3, 3);

        assertThat(first.items()).extracting(Channel::id).containsExactly("sport", "kids", "news");
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).extracting(Channel::id).containsExactly("films");
        assertThat(second.hasMore()).isFalse();
        assertThatThrownBy(() -> store.packages().channels("none", 0, 3)).isInstanceOf(NotFoundException.class)
                .hasMessage("package none does not exist");
        assertThatThrownBy(() -> store.packages().channels("all", 0, 0)).isInstanceOf(InvalidValueException.class)
                .hasMessage("package channels limit is 0: must be between 1 and 1000");
    }

    @EachDatabase
    void refuses_unknown_channels_and_taken_ids_and_changes_nothing(TestStore store) {
        channels(store);
        var packages = store.packages();
        Package basic = packages.create(Package.of("basic", "Basic", "news"));

        assertThatThrownBy(() -> packages.create(Package.of("premium", "Premium", "news", "cinema", "arena")))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("package premium refers to unknown channel ids [arena, cinema]");
        assertThat(packages.find("premium")).isEmpty();
        assertThatThrownBy(() -> packages.update(basic.version(), basic.withChannelIds(Set.of("news", "cinema"))))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("package basic refers to unknown channel id [cinema]");
        assertThat(packages.get("basic")).isEqualTo(basic);
        assertThatThrownBy(() -> packages.create(Package.of("basic", "Again")))
                .isInstanceOf(DuplicateKeyException.class).hasMessage("package id basic already exists");
        assertThatThrownBy(() -> packages.update(1, Package.of("ghost", "Ghost")))
                .isInstanceOf(NotFoundException.class).hasMessage("package ghost does not exist");
    }

    @EachDatabase
    void deleting_a_channel_removes_it_from_its_packages(TestStore store) {
        channels(store);
        store.packages().create(Package.of("basic", "Basic", "news", "kids"));

        store.channels().delete("news");

        assertThat(store.packages().get("basic").channelIds()).containsExactly("kids");
    }

    private static void vod(TestStore store) {
        for (String id : List.of("film-a", "film-b", "film-c")) {
            store.movies().create(MovieDraft.of(id, "Film " + id, URI.create("file:///srv/" + id + ".mkv")));
        }
        store.series().create(SeriesDraft.of("show", "Show"));
        store.series().create(SeriesDraft.of("soap", "Soap"));
    }

    @EachDatabase
    void a_package_holds_channels_films_and_series(TestStore store) {
        channels(store);
        vod(store);
        var packages = store.packages();
        Package cinema = packages.create(new Package("cinema", "Cinema", Set.of("films"), Set.of("film-b", "film-a"),
                Set.of("show")));

        assertThat(packages.get("cinema")).isEqualTo(cinema);
        assertThat(packages.get("cinema").movieIds()).containsExactly("film-a", "film-b");
        assertThat(packages.get("cinema").seriesIds()).containsExactly("show");

        Package changed = packages.update(cinema.version(), cinema.withMovieIds(Set.of("film-c")).withSeriesIds(Set.of("show", "soap")));
        assertThat(packages.get("cinema")).isEqualTo(changed);
        assertThat(packages.list()).containsExactly(changed);
        assertThat(packages.update(changed.version(), changed.withMovieIds(Set.of()).withSeriesIds(Set.of())).movieIds()).isEmpty();
        assertThat(packages.get("cinema")).isEqualTo(Package.of("cinema", "Cinema", "films").withVersion(3));
    }

    @EachDatabase
    void refuses_unknown_films_and_series_and_changes_nothing(TestStore store) {
        vod(store);
        var packages = store.packages();
        Package cinema = packages.create(Package.of("cinema", "Cinema").withMovieIds(Set.of("film-a")));

        assertThatThrownBy(() -> packages.update(cinema.version(), cinema.withMovieIds(Set.of("film-a", "film-x", "film-y"))))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("package cinema refers to unknown movie ids [film-x, film-y]");
        assertThatThrownBy(() -> packages.create(Package.of("series", "Series").withSeriesIds(Set.of("ghost"))))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("package series refers to unknown series id [ghost]");
        assertThat(packages.get("cinema")).isEqualTo(cinema);
        assertThat(packages.find("series")).isEmpty();
    }

    @EachDatabase
    void deleting_a_film_or_series_removes_it_from_its_packages(TestStore store) {
        vod(store);
        store.packages().create(Package.of("cinema", "Cinema").withMovieIds(Set.of("film-a", "film-b"))
                .withSeriesIds(Set.of("show", "soap")));

        store.movies().delete("film-a");
        store.series().delete("soap");

        assertThat(store.packages().get("cinema").movieIds()).containsExactly("film-b");
        assertThat(store.packages().get("cinema").seriesIds()).containsExactly("show");
    }
}
