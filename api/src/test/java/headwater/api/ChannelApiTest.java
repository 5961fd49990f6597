package headwater.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import headwater.api.ApiServer.Reply;
import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.ChannelDraft;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

/** /api/v1/channels over a real server and store: round trips, listings, optimistic concurrency, hostile text. */
class ChannelApiTest {

    private static final String NEWS = """
            {"id": "news-hd", "number": 101, "name": "News HD", "logo": "https://logos.example/news.png",
             "categoryIds": ["news"], "epgChannelId": "news.example", "sources": ["http://a.example/news.ts",
             "udp://239.0.0.1:1234"], "archiveDays": 7, "radio": false, "enabled": true}""";

    private static void newsCategory(TestStore store) {
        store.categories().create(Category.of("news", "News", CategoryKind.LIVE));
    }

    @EachDatabase
    void a_channel_asks_for_aes_128_encryption_and_anything_else_is_refused_by_name(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            Reply plain = api.post("/api/v1/channels", "{\"id\": \"plain\", \"number\": 1, \"name\": \"Plain\"}");
            assertThat(plain.json().get("encryption").asText()).isEqualTo("none");

            Reply secret = api.post("/api/v1/channels",
                    "{\"id\": \"secret\", \"number\": 2, \"name\": \"Secret\", \"encryption\": \"aes-128\"}");
            assertThat(secret.status()).as(secret.toString()).isEqualTo(201);
            assertThat(secret.json().get("encryption").asText()).isEqualTo("aes-128");
            assertThat(store.channels().get("secret").encrypted()).isTrue();

            Reply bad = api.post("/api/v1/channels",
                    "{\"id\": \"bad\", \"number\": 3, \"name\": \"Bad\", \"encryption\": \"aes-256\"}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.toString()).contains("encryption");
            assertThat(store.channels().find("bad")).isEmpty();
        }
    }

    @EachDatabase
    void create_read_replace_delete_round_trip(TestStore store) {
        newsCategory(store);
        try (ApiServer api = ApiServer.start(store)) {
            Reply created = api.post("/api/v1/channels", NEWS);

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.header("Location")).isEqualTo("/api/v1/channels/news-hd");
            assertThat(created.header("ETag")).isEqualTo("\"1\"");
            assertThat(created.header("Content-Type")).isEqualTo("application/json");
            assertThat(created.header("Cache-Control")).isEqualTo("no-store");
            JsonNode json = created.json();
            assertThat(json.get("id").asText()).isEqualTo("news-hd");
            assertThat(json.get("number").asInt()).isEqualTo(101);
            assertThat(json.get("logo").asText()).isEqualTo("https://logos.example/news.png");
            assertThat(json.get("sources").get(1).asText()).isEqualTo("udp://239.0.0.1:1234");
            assertThat(json.get("archiveDays").asInt()).isEqualTo(7);
            assertThat(json.get("version").asLong()).isEqualTo(1);
            assertThat(json.get("created").asText()).isEqualTo(TestStore.CLOCK.instant().toString());
            assertThat(store.channels().get("news-hd").draft().name()).isEqualTo("News HD");

            Reply read = api.get(created.header("Location"));
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json()).isEqualTo(json);
            assertThat(read.header("ETag")).isEqualTo("\"1\"");

            Reply replaced = api.put("/api/v1/channels/news-hd",
                    "{\"number\": 102, \"name\": \"News\", \"version\": 1}");
            assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
            assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
            assertThat(replaced.json().get("version").asLong()).isEqualTo(2);
            // A PUT replaces the whole channel: omitted fields take their defaults.
            assertThat(replaced.json().get("logo").isNull()).isTrue();
            assertThat(replaced.json().get("sources")).isEmpty();
            assertThat(replaced.json().get("enabled").asBoolean()).isTrue();
            assertThat(store.channels().get("news-hd").number()).isEqualTo(102);

            Reply conditional = api.put("/api/v1/channels/news-hd", "{\"id\": \"news-hd\", \"number\": 103, "
                    + "\"name\": \"News\", \"enabled\": false}", "If-Match", "\"2\"");
            assertThat(conditional.status()).as(conditional.toString()).isEqualTo(200);
            assertThat(conditional.json().get("enabled").asBoolean()).isFalse();

            assertThat(api.delete("/api/v1/channels/news-hd").status()).isEqualTo(204);
            assertThat(api.get("/api/v1/channels/news-hd").status()).isEqualTo(404);
            assertThat(api.delete("/api/v1/channels/news-hd").status()).isEqualTo(404);
            assertThat(store.channels().find("news-hd")).isEmpty();
        }
    }

    @EachDatabase
    void lists_page_by_page_with_the_total(TestStore store) {
        for (int i = 1; i <= 25; i++) {
            store.channels().create(ChannelDraft.of("c" + i, 100 + i, "Channel " + i));
        }
        try (ApiServer api = ApiServer.start(store)) {
            List<String> seen = new ArrayList<>();
            for (int page = 1; page <= 3; page++) {
                Reply reply = api.get("/api/v1/channels?page=" + page + "&size=10");
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.header("X-Total-Count")).isEqualTo("25");
                assertThat(reply.json().get("total").asLong()).isEqualTo(25);
                assertThat(reply.json().get("page").asInt()).isEqualTo(page);
                assertThat(reply.json().get("size").asInt()).isEqualTo(10);
                reply.json().get("items").forEach(item -> seen.add(item.get("id").asText()));
            }
            assertThat(seen).hasSize(25).doesNotHaveDuplicates().startsWith("c1", "c2").endsWith("c25");
            assertThat(api.get("/api/v1/channels?page=4&size=10").json().get("items")).isEmpty();
            assertThat(api.get("/api/v1/channels").json().get("size").asInt()).isEqualTo(Paging.DEFAULT_SIZE);
            assertThat(api.get("/api/v1/channels?size=1000").json().get("items")).hasSize(25);
        }
    }

    @EachDatabase
    void filters_and_sorts_as_the_channel_query(TestStore store) {
        newsCategory(store);
        store.channels().create(ChannelDraft.of("b-news", 3, "Bravo News").withCategoryIds(List.of("news")));
        store.channels().create(ChannelDraft.of("a-radio", 2, "Alpha FM").withRadio(true));
        store.channels().create(ChannelDraft.of("c-off", 1, "Charlie news").withEnabled(false));
        try (ApiServer api = ApiServer.start(store)) {
            assertThat(ids(api.get("/api/v1/channels"))).containsExactly("c-off", "a-radio", "b-news");
            assertThat(ids(api.get("/api/v1/channels?sort=-number"))).containsExactly("b-news", "a-radio", "c-off");
            assertThat(ids(api.get("/api/v1/channels?sort=name"))).containsExactly("a-radio", "b-news", "c-off");
            assertThat(ids(api.get("/api/v1/channels?sort=-id"))).containsExactly("c-off", "b-news", "a-radio");
            assertThat(ids(api.get("/api/v1/channels?categoryId=news"))).containsExactly("b-news");
            assertThat(ids(api.get("/api/v1/channels?enabled=false"))).containsExactly("c-off");
            assertThat(ids(api.get("/api/v1/channels?radio=true"))).containsExactly("a-radio");
            assertThat(ids(api.get("/api/v1/channels?nameContains=NEWS&sort=name"))).containsExactly("b-news", "c-off");
            Reply filtered = api.get("/api/v1/channels?nameContains=news&enabled=true");
            assertThat(ids(filtered)).containsExactly("b-news");
            assertThat(filtered.header("X-Total-Count")).isEqualTo("1");
        }
    }

    @EachDatabase
    void bad_listing_parameters_are_all_named_at_once(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            Reply reply = api.get("/api/v1/channels?page=0&size=1001&sort=colour&enabled=yes&limit=5&radio=true&radio=false");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.problem()).isEqualTo("validation-failed");
            assertThat(fields(reply)).containsExactlyInAnyOrder("page", "size", "sort", "enabled", "limit", "radio");
            assertThat(reply.json().get("detail").asText()).contains("size is 1001: must be from 1 to 1000")
                    .contains("limit is not a query parameter here");
            Reply badCategory = api.get("/api/v1/channels?categoryId=no%20such");
            assertThat(badCategory.status()).isEqualTo(400);
            assertThat(fields(badCategory)).containsExactly("categoryId");
            Reply tooFar = api.get("/api/v1/channels?page=2147483647&size=1000");
            assertThat(tooFar.status()).isEqualTo(400);
            assertThat(fields(tooFar)).containsExactly("page");
        }
    }

    @EachDatabase
    void of_two_updates_based_on_the_same_version_one_wins_and_one_gets_409(TestStore store) throws Exception {
        store.channels().create(ChannelDraft.of("news-hd", 101, "News"));
        try (ApiServer api = ApiServer.start(store)) {
            List<Reply> replies = race(2, i -> api.put("/api/v1/channels/news-hd",
                    "{\"number\": 101, \"name\": \"Writer " + i + "\", \"version\": 1}"));

            assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 409);
            Reply loser = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(loser.problem()).isEqualTo("concurrent-update");
            assertThat(loser.json().get("detail").asText())
                    .isEqualTo("channel news-hd was changed concurrently: the update expected version 1, the stored "
                            + "version is 2; read it again and reapply the change");
            assertThat(fields(loser)).containsExactly("version");
            Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
            assertThat(store.channels().get("news-hd").name()).isEqualTo(winner.json().get("name").asText());
            assertThat(store.channels().get("news-hd").version()).isEqualTo(2);
        }
    }

    @EachDatabase
    void an_if_match_update_on_a_stale_version_gets_412(TestStore store) {
        store.channels().create(ChannelDraft.of("news-hd", 101, "News"));
        try (ApiServer api = ApiServer.start(store)) {
            assertThat(api.put("/api/v1/channels/news-hd", "{\"number\": 101, \"name\": \"First\"}", "If-Match", "\"1\"")
                    .status()).isEqualTo(200);

            Reply stale = api.put("/api/v1/channels/news-hd", "{\"number\": 101, \"name\": \"Second\"}", "If-Match", "\"1\"");
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.problem()).isEqualTo("precondition-failed");
            assertThat(fields(stale)).containsExactly("If-Match");
            assertThat(store.channels().get("news-hd").name()).isEqualTo("First");

            Reply any = api.put("/api/v1/channels/news-hd", "{\"number\": 101, \"name\": \"Any\"}", "If-Match", "*");
            assertThat(any.status()).isEqualTo(200);
            assertThat(any.json().get("version").asLong()).isEqualTo(3);

            Reply disagree = api.put("/api/v1/channels/news-hd", "{\"number\": 101, \"name\": \"X\", \"version\": 2}",
                    "If-Match", "\"3\"");
            assertThat(disagree.status()).isEqualTo(400);
            assertThat(fields(disagree)).containsExactly("version");
        }
    }

    @EachDatabase
    void sql_and_markup_in_text_fields_are_stored_and_returned_verbatim_and_escaped(TestStore store) {
        String name = "<script>alert('x')</script> & '; DROP TABLE channel; -- \"quoted\" \\ ü 📺";
        String epg = "x' OR '1'='1";
        try (ApiServer api = ApiServer.start(store)) {
            String body = "{\"id\": \"evil\", \"number\": 666, \"name\": " + quote(name) + ", \"epgChannelId\": "
                    + quote(epg) + "}";

            Reply created = api.post("/api/v1/channels", body);

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.body()).doesNotContain("<script>", "<", ">", "'", "&")
                    .contains("\\u003Cscript\\u003E");
            assertThat(created.json().get("name").asText()).isEqualTo(name);
            assertThat(created.json().get("epgChannelId").asText()).isEqualTo(epg);
            assertThat(store.channels().get("evil").name()).isEqualTo(name);
            assertThat(api.get("/api/v1/channels?nameContains=" + java.net.URLEncoder.encode("'; DROP",
                    java.nio.charset.StandardCharsets.UTF_8)).json().get("total").asLong()).isEqualTo(1);
            assertThat(store.channels().list(headwater.domain.catalog.ChannelQuery.firstPage(10)).total()).isEqualTo(1);
        }
    }

    @EachDatabase
    void the_id_of_the_path_wins_and_cannot_be_contradicted(TestStore store) {
        store.channels().create(ChannelDraft.of("news-hd", 101, "News"));
        try (ApiServer api = ApiServer.start(store)) {
            Reply renamed = api.put("/api/v1/channels/news-hd", "{\"id\": \"other\", \"number\": 101, \"name\": \"N\", "
                    + "\"version\": 1}");

            assertThat(renamed.status()).isEqualTo(400);
            assertThat(fields(renamed)).containsExactly("id");
            assertThat(store.channels().find("other")).isEmpty();
            assertThat(api.put("/api/v1/channels/absent", "{\"number\": 5, \"name\": \"N\", \"version\": 1}").status())
                    .isEqualTo(404);
        }
    }

    static List<String> ids(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return StreamSupport.stream(reply.json().get("items").spliterator(), false).map(n -> n.get("id").asText()).toList();
    }

    static List<String> fields(Reply reply) {
        return StreamSupport.stream(reply.json().get("errors").spliterator(), false).map(n -> n.get("field").asText())
                .toList();
    }

    static String quote(String text) {
        return new String(Json.write(text), java.nio.charset.StandardCharsets.UTF_8);
    }

    interface Call {
        Reply call(int index);
    }

    /** Runs {@code count} calls at once (released together) and returns their replies. */
    static List<Reply> race(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Reply> task = () -> {
                    start.await();
                    return call.call(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
