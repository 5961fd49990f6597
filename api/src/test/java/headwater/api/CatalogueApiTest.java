package headwater.api;

import static headwater.api.ChannelApiTest.fields;
import static headwater.api.ChannelApiTest.ids;
import static headwater.api.ChannelApiTest.race;
import static headwater.api.ProblemApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.ApiServer.Reply;
import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.Package;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.util.List;

/** /api/v1/categories and /api/v1/packages: round trips, listings, ETag-guarded replacement, references. */
class CatalogueApiTest {

    @EachDatabase
    void category_round_trip_with_etags(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            Reply created = api.post("/api/v1/categories", "{\"id\": \"sport\", \"name\": \"Sport\", \"kind\": \"LIVE\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.header("Location")).isEqualTo("/api/v1/categories/sport");
            assertThat(created.json().get("sortOrder").asInt()).isZero();
            assertThat(created.json().get("parentId").isNull()).isTrue();
            String etag = created.header("ETag");
            assertThat(etag).isEqualTo("\"1\"");
            assertThat(created.json().get("version").asLong()).isEqualTo(1);

            Reply child = api.post("/api/v1/categories", "{\"id\": \"football\", \"name\": \"Football\", \"kind\": \"LIVE\", "
                    + "\"sortOrder\": -5, \"parentId\": \"sport\"}");
            assertThat(child.status()).isEqualTo(201);
            assertThat(store.categories().get("football").parentId()).isEqualTo("sport");

            Reply read = api.get("/api/v1/categories/sport");
            assertThat(read.header("ETag")).isEqualTo(etag);
            Reply replaced = api.put("/api/v1/categories/sport", "{\"name\": \"Sports\", \"kind\": \"LIVE\", "
                    + "\"sortOrder\": 3}", "If-Match", etag);
            assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
            assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
            assertThat(replaced.json().get("version").asLong()).isEqualTo(2);
            assertThat(store.categories().get("sport").name()).isEqualTo("Sports");

            Reply stale = api.put("/api/v1/categories/sport", "{\"name\": \"Stale\", \"kind\": \"LIVE\"}", "If-Match", etag);
            assertProblem(stale, ProblemType.PRECONDITION_FAILED, "/api/v1/categories/sport");
            assertThat(stale.json().get("detail").asText()).startsWith("category sport was changed concurrently: the "
                    + "update expected version 1, the stored version is 2");
            assertThat(store.categories().get("sport").name()).isEqualTo("Sports");

            Reply parentLoop = api.put("/api/v1/categories/sport", "{\"name\": \"Sports\", \"kind\": \"LIVE\", "
                    + "\"parentId\": \"football\"}", "If-Match", "*");
            assertThat(parentLoop.status()).isEqualTo(400);
            assertThat(fields(parentLoop)).containsExactly("parentId");

            Reply unknownParent = api.post("/api/v1/categories", "{\"id\": \"tennis\", \"name\": \"Tennis\", "
                    + "\"kind\": \"LIVE\", \"parentId\": \"nope\"}");
            assertProblem(unknownParent, ProblemType.UNKNOWN_REFERENCE, "/api/v1/categories");
            assertThat(fields(unknownParent)).containsExactly("parentId");

            assertProblem(api.delete("/api/v1/categories/sport"), ProblemType.REFERENCE_IN_USE, "/api/v1/categories/sport");
            assertThat(api.delete("/api/v1/categories/football").status()).isEqualTo(204);
            assertThat(api.delete("/api/v1/categories/sport").status()).isEqualTo(204);
            assertProblem(api.get("/api/v1/categories/sport"), ProblemType.NOT_FOUND, "/api/v1/categories/sport");
        }
    }

    @EachDatabase
    void categories_list_in_display_order_filtered_by_kind_and_paged(TestStore store) {
        store.categories().create(new Category("b", "Bravo", CategoryKind.LIVE, 1, null));
        store.categories().create(new Category("a", "Alpha", CategoryKind.LIVE, 2, null));
        store.categories().create(new Category("m", "Music", CategoryKind.RADIO, 0, null));
        try (ApiServer api = ApiServer.start(store)) {
            assertThat(ids(api.get("/api/v1/categories"))).containsExactly("m", "b", "a");
            assertThat(ids(api.get("/api/v1/categories?kind=LIVE"))).containsExactly("b", "a");
            Reply page = api.get("/api/v1/categories?page=2&size=2");
            assertThat(ids(page)).containsExactly("a");
            assertThat(page.header("X-Total-Count")).isEqualTo("3");
            Reply badKind = api.get("/api/v1/categories?kind=TV&sort=name");
            assertThat(fields(badKind)).containsExactlyInAnyOrder("kind", "sort");
        }
    }

    @EachDatabase
    void of_two_category_updates_based_on_the_same_etag_one_wins(TestStore store) throws Exception {
        store.categories().create(Category.of("news", "News", CategoryKind.LIVE));
        try (ApiServer api = ApiServer.start(store)) {
            String etag = api.get("/api/v1/categories/news").header("ETag");

            List<Reply> replies = race(2, i -> api.put("/api/v1/categories/news",
                    "{\"name\": \"Writer " + i + "\", \"kind\": \"LIVE\"}", "If-Match", etag));

            assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 412);
            Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
            assertThat(store.categories().get("news").name()).isEqualTo(winner.json().get("name").asText());
        }
    }

    @EachDatabase
    void package_round_trip_and_its_channels(TestStore store) {
        for (int i = 1; i <= 5; i++) {
            store.channels().create(ChannelDraft.of("c" + i, 10 - i, "Channel " + i));
        }
        try (ApiServer api = ApiServer.start(store)) {
            Reply created = api.post("/api/v1/packages", "{\"id\": \"basic\", \"name\": \"Basic\", "
                    + "\"channelIds\": [\"c3\", \"c1\", \"c2\"]}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.header("Location")).isEqualTo("/api/v1/packages/basic");
            assertThat(created.json().get("channelIds").toString()).isEqualTo("[\"c1\",\"c2\",\"c3\"]");

            Reply members = api.get("/api/v1/packages/basic/channels?size=2");
            assertThat(ids(members)).containsExactly("c3", "c2");
            assertThat(members.header("X-Total-Count")).isEqualTo("3");
            assertThat(ids(api.get("/api/v1/packages/basic/channels?size=2&page=2"))).containsExactly("c1");
            assertProblem(api.get("/api/v1/packages/none/channels"), ProblemType.NOT_FOUND, "/api/v1/packages/none/channels");

            String etag = api.get("/api/v1/packages/basic").header("ETag");
            Reply replaced = api.put("/api/v1/packages/basic", "{\"id\": \"basic\", \"name\": \"Basic+\", "
                    + "\"channelIds\": [\"c4\", \"c5\"]}", "If-Match", etag);
            assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
            assertThat(store.packages().get("basic")).isEqualTo(Package.of("basic", "Basic+", "c4", "c5").withVersion(2));
            assertThat(replaced.header("ETag")).isEqualTo("\"2\"");

            Reply unknown = api.put("/api/v1/packages/basic", "{\"name\": \"B\", \"channelIds\": [\"c1\", \"zz\"]}",
                    "If-Match", replaced.header("ETag"));
            assertProblem(unknown, ProblemType.UNKNOWN_REFERENCE, "/api/v1/packages/basic");
            assertThat(fields(unknown)).containsExactly("channelIds");
            assertThat(unknown.json().get("errors").get(0).get("message").asText())
                    .isEqualTo("refers to unknown channel ids [zz]");

            Reply twice = api.post("/api/v1/packages", "{\"id\": \"dup\", \"name\": \"D\", \"channelIds\": [\"c1\", \"c1\"]}");
            assertProblem(twice, ProblemType.VALIDATION_FAILED, "/api/v1/packages");
            assertThat(fields(twice)).containsExactly("channelIds");

            Reply taken = api.post("/api/v1/packages", "{\"id\": \"basic\", \"name\": \"Again\"}");
            assertProblem(taken, ProblemType.DUPLICATE_KEY, "/api/v1/packages");

            assertThat(store.packages().get("basic").name()).isEqualTo("Basic+");
            assertThat(api.delete("/api/v1/packages/basic").status()).isEqualTo(204);
            assertProblem(api.delete("/api/v1/packages/basic"), ProblemType.NOT_FOUND, "/api/v1/packages/basic");
        }
    }

    @EachDatabase
    void packages_list_by_id_and_paged(TestStore store) {
        store.packages().create(Package.of("zeta", "Z"));
        store.packages().create(Package.of("alpha", "A"));
        store.packages().create(Package.of("mid", "M"));
        try (ApiServer api = ApiServer.start(store)) {
            assertThat(ids(api.get("/api/v1/packages"))).containsExactly("alpha", "mid", "zeta");
            Reply page = api.get("/api/v1/packages?size=1&page=3");
            assertThat(ids(page)).containsExactly("zeta");
            assertThat(page.json().get("total").asLong()).isEqualTo(3);
        }
    }
}
