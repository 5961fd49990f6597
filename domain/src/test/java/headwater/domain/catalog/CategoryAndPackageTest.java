package headwater.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CategoryAndPackageTest {

    @Test
    void a_category_names_its_invalid_field() {
        assertThatThrownBy(() -> new Category("sport", "Sport", null, 0, null))
                .hasMessage("category kind is missing: one of LIVE, RADIO, VOD, SERIES");
        assertThatThrownBy(() -> new Category("sport", "Sport", CategoryKind.LIVE, 2_000_000, null))
                .hasMessage("category sortOrder is 2000000: must be between -1000000 and 1000000");
        assertThatThrownBy(() -> Category.of("sport", "Sport", CategoryKind.LIVE).withParentId("sport"))
                .hasMessage("category parentId \"sport\" is the category itself");
        assertThatThrownBy(() -> Category.of("sport", "", CategoryKind.LIVE)).hasMessage("category name is blank");
    }

    @Test
    void a_new_value_has_version_1_which_every_change_keeps_and_versions_start_at_1() {
        Category sport = Category.of("sport", "Sport", CategoryKind.LIVE);
        assertThat(sport.version()).isEqualTo(1);
        assertThat(sport.withVersion(7).withName("Sports").withSortOrder(2).version()).isEqualTo(7);
        Package basic = Package.of("basic", "Basic");
        assertThat(basic.version()).isEqualTo(1);
        assertThat(basic.withVersion(3).withChannelIds(Set.of("news")).withName("B").version()).isEqualTo(3);
        assertThatThrownBy(() -> sport.withVersion(0))
                .hasMessage("category version is 0: stored versions start at 1");
        assertThatThrownBy(() -> basic.withVersion(-1))
                .hasMessage("package version is -1: stored versions start at 1");
    }

    @Test
    void a_package_keeps_its_channels_sorted_and_checks_their_ids() {
        Package pkg = Package.of("basic", "Basic", "news", "kids", "films");
        assertThat(pkg.channelIdList()).containsExactly("films", "kids", "news");
        assertThat(pkg).isEqualTo(new Package("basic", "Basic", Set.of("films", "news", "kids")));
        assertThatThrownBy(() -> Package.of("basic", "Basic", "bad id"))
                .hasMessageStartingWith("package channelIds \"bad id\" is not an id");
        assertThatThrownBy(() -> Package.of("b a", "Basic")).hasMessageStartingWith("package id \"b a\" is not an id");
    }

    @Test
    void a_package_keeps_its_films_and_series_sorted_and_checks_their_ids() {
        Package pkg = Package.of("cinema", "Cinema").withMovieIds(Set.of("b", "a")).withSeriesIds(Set.of("z", "y"));

        assertThat(pkg.movieIds()).containsExactly("a", "b");
        assertThat(pkg.seriesIds()).containsExactly("y", "z");
        assertThat(pkg.channelIds()).isEmpty();
        assertThat(pkg.withName("Kino")).isEqualTo(new Package("cinema", "Kino", Set.of(), Set.of("a", "b"),
                Set.of("y", "z")));
        assertThatThrownBy(() -> pkg.withMovieIds(Set.of("no good"))).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("package movieIds \"no good\" is not an id");
        assertThatThrownBy(() -> pkg.withSeriesIds(null)).hasMessage("package seriesIds is missing");
    }

    @Test
    void a_channel_query_refuses_impossible_pages() {
        assertThatThrownBy(() -> ChannelQuery.firstPage(0)).hasMessage("channel query limit is 0: must be between 1 and 1000");
        assertThatThrownBy(() -> ChannelQuery.firstPage(1001)).hasMessage("channel query limit is 1001: must be between 1 and 1000");
        assertThatThrownBy(() -> ChannelQuery.firstPage(10).page(-1, 10)).hasMessage("channel query offset is -1: must not be negative");
        assertThatThrownBy(() -> ChannelQuery.firstPage(10).sortedBy(null, false))
                .hasMessage("channel query sort is missing: one of NUMBER, NAME, ID, UPDATED");
        assertThat(ChannelQuery.firstPage(10).next().offset()).isEqualTo(10);
    }

    @Test
    void errors_name_entity_ids_and_versions() {
        assertThat(new ConcurrentUpdateException("channel", "news", 3, 4))
                .hasMessage("channel news was changed concurrently: the update expected version 3, the stored version "
                        + "is 4; read it again and reapply the change");
        assertThat(new UnknownReferenceException("package", "basic", "channel", java.util.List.of("a")))
                .hasMessage("package basic refers to unknown channel id [a]");
        assertThat(new Page<>(java.util.List.of(1, 2), 5, 0, 2).hasMore()).isTrue();
        assertThat(new Page<>(java.util.List.of(5), 5, 4, 2).hasMore()).isFalse();
    }
}
