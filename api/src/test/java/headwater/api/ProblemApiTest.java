package headwater.api;

import static headwater.api.ChannelApiTest.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import headwater.api.ApiServer.Reply;
import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.ChannelDraft;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Every problem type the API answers with, each as RFC 9457 application/problem+json, and nothing stored damaged. */
class ProblemApiTest {

    private static final String CHANNEL = "{\"id\": \"news-hd\", \"number\": 101, \"name\": \"News\"}";

    /** The members RFC 9457 defines, plus errors; nothing else, and the type's fixed title and status. */
    static void assertProblem(Reply reply, ProblemType type, String instance) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(type.status());
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode json = reply.json();
        Set<String> members = new TreeSet<>();
        json.fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors");
        assertThat(json.get("type").asText()).isEqualTo(type.uri());
        assertThat(json.get("title").asText()).isEqualTo(type.title());
        assertThat(json.get("status").asInt()).isEqualTo(type.status());
        assertThat(json.get("instance").asText()).isEqualTo(instance);
        assertThat(json.get("detail").asText()).isNotBlank();
        assertThat(json.get("errors").isArray()).isTrue();
    }

    @EachDatabase
    void malformed_json_is_refused_with_its_position(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            Reply reply = api.post("/api/v1/channels", "{\"id\": \"news-hd\",\n \"number\": 101,, \"name\": \"x\"}");

            assertProblem(reply, ProblemType.MALFORMED_JSON, "/api/v1/channels");
            assertThat(reply.json().get("detail").asText()).contains("at line 2, column 16 (byte offset 33)");

            Reply duplicate = api.post("/api/v1/channels", "{\"id\": \"a\", \"id\": \"b\", \"number\": 1, \"name\": \"x\"}");
            assertProblem(duplicate, ProblemType.MALFORMED_JSON, "/api/v1/channels");
            assertThat(duplicate.json().get("detail").asText()).contains("Duplicate field 'id'");

            Reply trailing = api.post("/api/v1/channels", CHANNEL + " {}");
            assertProblem(trailing, ProblemType.MALFORMED_JSON, "/api/v1/channels");

            Reply empty = api.post("/api/v1/channels", "");
            assertProblem(empty, ProblemType.MALFORMED_JSON, "/api/v1/channels");
            assertThat(empty.json().get("detail").asText()).startsWith("the body is empty");

            byte[] invalidUtf8 = "{\"id\": \"x\", \"number\": 1, \"name\": \"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
            Reply badBytes = api.send(api.request("/api/v1/channels").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(invalidUtf8)));
            assertProblem(badBytes, ProblemType.MALFORMED_JSON, "/api/v1/channels");
            assertThat(badBytes.json().get("detail").asText()).contains("UTF-8").contains("line 1");

            Reply deep = api.post("/api/v1/channels", "[".repeat(5000) + "]".repeat(5000));
            assertThat(deep.status()).isEqualTo(400);
            assertThat(store.channels().find("news-hd")).isEmpty();
        }
    }

    @EachDatabase
    void an_unknown_field_is_refused_by_name_so_that_nothing_is_mass_assigned(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            Reply reply = api.post("/api/v1/channels", "{\"id\": \"news-hd\", \"number\": 101, \"name\": \"News\", "
                    + "\"created\": \"2000-01-01T00:00:00Z\"}");

            assertProblem(reply, ProblemType.UNKNOWN_FIELD, "/api/v1/channels");
            assertThat(fields(reply)).containsExactly("created");
            assertThat(reply.json().get("errors").get(0).get("message").asText())
                    .startsWith("is not a field of channel (accepted: archiveDays, categoryIds, enabled,");
            assertThat(store.channels().find("news-hd")).isEmpty();

            Reply versioned = api.post("/api/v1/channels", "{\"id\": \"news-hd\", \"number\": 101, \"name\": \"News\", "
                    + "\"version\": 99}");
            assertProblem(versioned, ProblemType.VALIDATION_FAILED, "/api/v1/channels");
            assertThat(fields(versioned)).containsExactly("version");
            assertThat(store.channels().find("news-hd")).isEmpty();
        }
    }

    @EachDatabase
    void validation_errors_name_the_field(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            Reply missing = api.post("/api/v1/channels", "{\"enabled\": true}");
            assertProblem(missing, ProblemType.VALIDATION_FAILED, "/api/v1/channels");
            assertThat(fields(missing)).containsExactly("id", "number", "name");
            assertThat(missing.json().get("detail").asText()).isEqualTo("id is missing; number is missing; name is missing");

            Reply range = api.post("/api/v1/channels", "{\"id\": \"x\", \"number\": 0, \"name\": \"X\"}");
            assertProblem(range, ProblemType.VALIDATION_FAILED, "/api/v1/channels");
            assertThat(fields(range)).containsExactly("number");
            assertThat(range.json().get("detail").asText()).isEqualTo("channel number is 0: must be between 1 and 99999");
            assertThat(range.json().get("errors").get(0).get("message").asText()).isEqualTo("is 0: must be between 1 and 99999");

            Reply type = api.post("/api/v1/channels", "{\"id\": \"x\", \"number\": \"101\", \"name\": \"X\"}");
            assertProblem(type, ProblemType.VALIDATION_FAILED, "/api/v1/channels");
            assertThat(type.json().get("errors").get(0).get("field").asText()).isEqualTo("number");
            assertThat(type.json().get("errors").get(0).get("message").asText()).isEqualTo("must be an integer");

            Reply fraction = api.post("/api/v1/channels", "{\"id\": \"x\", \"number\": 1.5, \"name\": \"X\"}");
            assertThat(fields(fraction)).containsExactly("number");

            Reply overflow = api.post("/api/v1/channels", "{\"id\": \"x\", \"number\": 99999999999, \"name\": \"X\"}");
            assertThat(overflow.status()).isEqualTo(400);
            assertThat(fields(overflow)).containsExactly("number");

            Reply element = api.post("/api/v1/channels", "{\"id\": \"x\", \"number\": 1, \"name\": \"X\", "
                    + "\"sources\": [\"http://a.example/x\", \"file:///etc/passwd\"]}");
            assertThat(fields(element)).containsExactly("sources[1]");

            Reply nested = api.post("/api/v1/channels", "{\"id\": \"x\", \"number\": 1, \"name\": \"X\", "
                    + "\"categoryIds\": [\"ok\", 5]}");
            assertThat(fields(nested)).containsExactly("categoryIds[1]");

            Reply notObject = api.post("/api/v1/channels", "[1, 2]");
            assertProblem(notObject, ProblemType.VALIDATION_FAILED, "/api/v1/channels");

            Reply badKind = api.post("/api/v1/categories", "{\"id\": \"x\", \"name\": \"X\", \"kind\": \"live\"}");
            assertProblem(badKind, ProblemType.VALIDATION_FAILED, "/api/v1/categories");
            assertThat(badKind.json().get("errors").get(0).get("message").asText())
                    .isEqualTo("must be one of [LIVE, RADIO, VOD, SERIES]");

            Reply control = api.post("/api/v1/channels", "{\"id\": \"x\", \"number\": 1, \"name\": \"a\\u0000b\"}");
            assertThat(fields(control)).containsExactly("name");
            assertThat(store.channels().list(headwater.domain.catalog.ChannelQuery.firstPage(10)).total()).isZero();
        }
    }

    @EachDatabase
    void conflicts_name_what_is_taken_or_in_use(TestStore store) {
        store.categories().create(Category.of("news", "News", CategoryKind.LIVE));
        store.channels().create(ChannelDraft.of("news-hd", 101, "News").withCategoryIds(List.of("news")));
        try (ApiServer api = ApiServer.start(store)) {
            Reply number = api.post("/api/v1/channels", "{\"id\": \"other\", \"number\": 101, \"name\": \"O\"}");
            assertProblem(number, ProblemType.DUPLICATE_KEY, "/api/v1/channels");
            assertThat(fields(number)).containsExactly("number");
            assertThat(number.json().get("detail").asText()).contains("101").contains("news-hd");

            Reply id = api.post("/api/v1/channels", "{\"id\": \"news-hd\", \"number\": 102, \"name\": \"O\"}");
            assertProblem(id, ProblemType.DUPLICATE_KEY, "/api/v1/channels");
            assertThat(fields(id)).containsExactly("id");

            Reply inUse = api.delete("/api/v1/categories/news");
            assertProblem(inUse, ProblemType.REFERENCE_IN_USE, "/api/v1/categories/news");
            assertThat(inUse.json().get("detail").asText()).startsWith("category news cannot be deleted: it is used by");
            assertThat(store.categories().find("news")).isPresent();

            Reply unknown = api.post("/api/v1/channels", "{\"id\": \"other\", \"number\": 5, \"name\": \"O\", "
                    + "\"categoryIds\": [\"news\", \"kids\", \"sport\"]}");
            assertProblem(unknown, ProblemType.UNKNOWN_REFERENCE, "/api/v1/channels");
            assertThat(fields(unknown)).containsExactly("categoryIds");
            assertThat(unknown.json().get("errors").get(0).get("message").asText())
                    .isEqualTo("refers to unknown category ids [kids, sport]");
            assertThat(store.channels().find("other")).isEmpty();
        }
    }

    @EachDatabase
    void unknown_ids_and_paths_are_404_and_wrong_methods_405_with_allow(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            assertProblem(api.get("/api/v1/channels/absent"), ProblemType.NOT_FOUND, "/api/v1/channels/absent");
            assertThat(api.get("/api/v1/channels/absent").json().get("detail").asText())
                    .isEqualTo("channel absent does not exist");
            assertProblem(api.get("/api/v1/nothing-here"), ProblemType.NOT_FOUND, "/api/v1/nothing-here");
            assertProblem(api.get("/api/v2/channels"), ProblemType.NOT_FOUND, "/api/v2/channels");

            Reply patch = api.send(api.request("/api/v1/channels/x").header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));
            assertProblem(patch, ProblemType.METHOD_NOT_ALLOWED, "/api/v1/channels/x");
            assertThat(patch.header("Allow")).isEqualTo("DELETE, GET, PUT");
            Reply deleteAll = api.delete("/api/v1/channels");
            assertProblem(deleteAll, ProblemType.METHOD_NOT_ALLOWED, "/api/v1/channels");
            assertThat(deleteAll.header("Allow")).isEqualTo("GET, POST");
        }
    }

    @EachDatabase
    void a_body_that_is_not_json_is_415(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1",
                    "application/jsonp", "multipart/form-data; boundary=x")) {
                Reply reply = api.send(api.request("/api/v1/channels").header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(CHANNEL)));
                assertProblem(reply, ProblemType.UNSUPPORTED_MEDIA_TYPE, "/api/v1/channels");
                assertThat(fields(reply)).containsExactly("Content-Type");
            }
            Reply none = api.send(api.request("/api/v1/channels").POST(HttpRequest.BodyPublishers.ofString(CHANNEL)));
            assertProblem(none, ProblemType.UNSUPPORTED_MEDIA_TYPE, "/api/v1/channels");
            Reply utf8 = api.send(api.request("/api/v1/channels").header("Content-Type", "Application/JSON; Charset=\"UTF-8\"")
                    .POST(HttpRequest.BodyPublishers.ofString(CHANNEL)));
            assertThat(utf8.status()).isEqualTo(201);
        }
    }

    @EachDatabase
    void a_huge_body_is_413_and_nothing_is_stored(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            String padding = "x".repeat((int) AdminApi.MAX_BODY_BYTES);
            Reply declared = api.post("/api/v1/channels", "{\"id\": \"big\", \"number\": 1, \"name\": \"" + padding + "\"}");
            assertProblem(declared, ProblemType.BODY_TOO_LARGE, "/api/v1/channels");
            assertThat(declared.json().get("detail").asText()).isEqualTo("the body is larger than 8388608 bytes");

            // Chunked, so no Content-Length announces it: refused while streaming.
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            Iterator<byte[]> chunks = new Iterator<>() {
                int sent;

                @Override
                public boolean hasNext() {
                    return sent < 200;
                }

                @Override
                public byte[] next() {
                    sent++;
                    return chunk;
                }
            };
            Reply streamed = api.send(api.request("/api/v1/channels").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(() -> chunks)));
            assertThat(streamed.status()).isEqualTo(413);
            assertThat(store.channels().find("big")).isEmpty();

            assertThat(api.get("/api/v1/channels").status()).isEqualTo(200);

            // A client that asks before sending (Expect: 100-continue; curl does past 1 KiB) is told to go on by the
            // BodyHandler, or refused up front. HTTP/1.1: over h2c the JDK client reports the interim 100 as final.
            Reply continued = api.send(api.request("/api/v1/channels").version(HttpClient.Version.HTTP_1_1)
                    .expectContinue(true).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"asked\", \"number\": 7, \"name\": \""
                            + "x".repeat(150) + "\"}")));
            assertThat(continued.status()).as(continued.toString()).isEqualTo(201);
            Reply refusedEarly = api.send(api.request("/api/v1/channels").version(HttpClient.Version.HTTP_1_1)
                    .expectContinue(true).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(padding + "[]")));
            assertProblem(refusedEarly, ProblemType.BODY_TOO_LARGE, "/api/v1/channels");
        }
    }

    @EachDatabase
    void an_update_without_version_or_if_match_is_428(TestStore store) {
        store.channels().create(ChannelDraft.of("news-hd", 101, "News"));
        store.categories().create(Category.of("news", "News", CategoryKind.LIVE));
        try (ApiServer api = ApiServer.start(store)) {
            Reply channel = api.put("/api/v1/channels/news-hd", "{\"number\": 101, \"name\": \"Changed\"}");
            assertProblem(channel, ProblemType.PRECONDITION_REQUIRED, "/api/v1/channels/news-hd");
            assertThat(fields(channel)).containsExactly("version");

            Reply category = api.put("/api/v1/categories/news", "{\"name\": \"Changed\", \"kind\": \"LIVE\"}");
            assertProblem(category, ProblemType.PRECONDITION_REQUIRED, "/api/v1/categories/news");
            assertThat(fields(category)).containsExactly("version");

            Reply malformed = api.put("/api/v1/channels/news-hd", "{\"number\": 101, \"name\": \"C\"}", "If-Match", "3");
            assertProblem(malformed, ProblemType.VALIDATION_FAILED, "/api/v1/channels/news-hd");
            assertThat(fields(malformed)).containsExactly("If-Match");

            assertThat(store.channels().get("news-hd").name()).isEqualTo("News");
            assertThat(store.categories().get("news").name()).isEqualTo("News");
        }
    }

    @EachDatabase
    void an_unexpected_failure_is_a_500_that_shows_no_internals(TestStore store) {
        store.channels().create(ChannelDraft.of("news-hd", 101, "News"));
        try (ApiServer api = ApiServer.start(store)) {
            assertThat(api.get("/api/v1/channels").status()).isEqualTo(200);
            // The keys still work; the channel listing fails inside the database.
            store.database().write(handle -> handle.execute("DROP TABLE channel_source"));

            Reply reply = api.get("/api/v1/channels");

            assertProblem(reply, ProblemType.INTERNAL_ERROR, "/api/v1/channels");
            assertThat(reply.json().get("detail").asText()).isEqualTo("the request could not be completed; the server "
                    + "log has the cause");
            assertThat(reply.body()).doesNotContainIgnoringCase("sql").doesNotContain("Exception");
        }
    }
}
