package headwater.store.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.ReferenceInUseException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.util.List;

class CategoryRepositoryTest {

    @EachDatabase
    void creates_updates_lists_and_deletes(TestStore store) {
        var categories = store.categories();
        Category sport = categories.create(new Category("sport", "Sport", CategoryKind.LIVE, 2, null));
        Category news = categories.create(new Category("news", "News", CategoryKind.LIVE, 1, null));
        Category football = categories.create(new Category("football", "Football", CategoryKind.LIVE, 0, "sport"));
        Category jazz = categories.create(Category.of("jazz", "Jazz", CategoryKind.RADIO));
        Category films = categories.create(new Category("films", "Films", CategoryKind.VOD, -1, null));

        assertThat(categories.get("football")).isEqualTo(football);
        assertThat(categories.list(CategoryKind.LIVE)).containsExactly(football, news, sport);
        assertThat(categories.list(null)).containsExactly(films, football, jazz, news, sport);
        assertThat(categories.list(CategoryKind.SERIES)).isEmpty();

        Category renamed = categories.update(news.version(), news.withName("World news").withSortOrder(9));
        assertThat(categories.get("news")).isEqualTo(renamed);
        assertThat(categories.delete("jazz")).isTrue();
        assertThat(categories.delete("jazz")).isFalse();
        assertThat(categories.find("jazz")).isEmpty();
        assertThat(categories.get("sport")).isEqualTo(sport);
    }

    @EachDatabase
    void refuses_duplicates_unknown_parents_parents_of_another_kind_and_cycles(TestStore store) {
        var categories = store.categories();
        categories.create(Category.of("sport", "Sport", CategoryKind.LIVE));
        categories.create(Category.of("jazz", "Jazz", CategoryKind.RADIO));
        categories.create(Category.of("football", "Football", CategoryKind.LIVE).withParentId("sport"));

        assertThatThrownBy(() -> categories.create(Category.of("sport", "Sport again", CategoryKind.LIVE)))
                .isInstanceOf(DuplicateKeyException.class).hasMessage("category id sport already exists");
        assertThatThrownBy(() -> categories.create(Category.of("tennis", "Tennis", CategoryKind.LIVE).withParentId("ball")))
                .isInstanceOf(UnknownReferenceException.class)
                .hasMessage("category tennis refers to unknown parent category id [ball]");
        assertThatThrownBy(() -> categories.create(Category.of("bebop", "Bebop", CategoryKind.LIVE).withParentId("jazz")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("category parentId \"jazz\" is a RADIO category: the parent of a LIVE category must be of the same kind");
        assertThatThrownBy(() -> categories.update(1, categories.get("sport").withParentId("football")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("category parentId \"football\" would make a cycle: it is a descendant of sport");
        assertThatThrownBy(() -> categories.update(1, Category.of("ghost", "Ghost", CategoryKind.LIVE)))
                .isInstanceOf(NotFoundException.class).hasMessage("category ghost does not exist");
        assertThat(categories.get("sport").parentId()).isNull();
    }

    @EachDatabase
    void a_category_in_use_cannot_be_deleted(TestStore store) {
        var categories = store.categories();
        categories.create(Category.of("sport", "Sport", CategoryKind.LIVE));
        categories.create(Category.of("football", "Football", CategoryKind.LIVE).withParentId("sport"));
        store.channels().create(ChannelDraft.of("a", 1, "A").withCategoryIds(List.of("football")));
        store.channels().create(ChannelDraft.of("b", 2, "B").withCategoryIds(List.of("football", "sport")));

        assertThatThrownBy(() -> categories.delete("sport"))
                .isInstanceOf(ReferenceInUseException.class)
                .hasMessage("category sport cannot be deleted: it is used by 1 channel and the child categories [football]");
        assertThatThrownBy(() -> categories.delete("football"))
                .isInstanceOf(ReferenceInUseException.class)
                .hasMessage("category football cannot be deleted: it is used by 2 channels");
        store.channels().delete("a");
        store.channels().delete("b");
        assertThat(categories.delete("football")).isTrue();
        assertThat(categories.delete("sport")).isTrue();
    }
}
