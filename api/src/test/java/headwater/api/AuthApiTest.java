package headwater.api;

import static headwater.api.ProblemApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import headwater.api.ApiServer.Reply;
import headwater.domain.apikey.ApiKey;
import headwater.security.secret.BearerSecret;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.apikey.JdbiApiKeyRepository;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every route but the OpenAPI document needs the admin key; refusals look the same and are logged without keys. */
class AuthApiTest {

    @EachDatabase
    void missing_malformed_unknown_and_wrong_keys_all_get_the_same_401(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            String otherKey = BearerSecret.generate("hw_admin_").reveal();
            List<HttpRequest.Builder> refused = List.of(
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Basic YWRtaW46YWRtaW4="),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer"),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer not a token"),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer " + otherKey),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization",
                            "Bearer " + api.key.substring(0, api.key.length() - 1) + (api.key.endsWith("A") ? "B" : "A")),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer " + api.key + "x"),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer hw_admin_"
                            + "x".repeat(600)),
                    HttpRequest.newBuilder(api.uri("/api/v1/nowhere")),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"x\", \"number\": 1, \"name\": \"X\"}")));
            List<String> bodies = new ArrayList<>();
            for (HttpRequest.Builder request : refused) {
                Reply reply = api.send(request);
                assertProblem(reply, ProblemType.UNAUTHORIZED, reply.response().uri().getPath());
                assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"headwater-admin\"");
                bodies.add(reply.body().replace(reply.response().uri().getPath(), "<path>"));
            }
            assertThat(bodies).containsOnly(bodies.getFirst());
            assertThat(store.channels().find("x")).isEmpty();

            Reply ok = api.send(HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization",
                    "bearer " + api.key));
            assertThat(ok.status()).isEqualTo(200);
        }
    }

    @EachDatabase
    void refusals_are_logged_with_the_reason_and_never_the_key(TestStore store) {
        Logger logger = (Logger) LoggerFactory.getLogger(AdminAuth.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (ApiServer api = ApiServer.start(store)) {
            String wrong = BearerSecret.generate("hw_admin_").reveal();
            api.send(HttpRequest.newBuilder(api.uri("/api/v1/channels")));
            api.send(HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Basic c2VjcmV0"));
            api.send(HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer " + wrong));
            api.send(HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer " + api.key
                    + "0"));
            api.get("/api/v1/channels");

            List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).startsWith("admin API: refused GET /api/v1/channels from 127.0.0.1:")
                    .endsWith(": no Authorization header");
            assertThat(lines.get(1)).endsWith(": Authorization scheme Basic is not Bearer");
            assertThat(lines.get(2)).endsWith(": no stored admin key matches the Bearer token");
            assertThat(lines.get(3)).endsWith("is not shaped like an admin key (hw_admin_ and 43 characters)");
            assertThat(String.join("\n", lines)).doesNotContain(wrong.substring(9), api.key.substring(9), "c2VjcmV0");
        } finally {
            logger.detachAppender(appender);
        }
    }

    @EachDatabase
    void the_openapi_document_needs_no_key(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            Reply reply = api.send(HttpRequest.newBuilder(api.uri("/api/v1/openapi.json")));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).isEqualTo("application/json");
            assertThat(reply.json().get("openapi").asText()).startsWith("3.1.");
        }
    }

    @EachDatabase
    void first_start_makes_one_key_shows_it_once_and_stores_only_its_digest(TestStore store) {
        JdbiApiKeyRepository repository = new JdbiApiKeyRepository(store.database(), TestStore.CLOCK);
        AdminKeys keys = new AdminKeys(repository, TestStore.CLOCK);

        String key = keys.ensureKey().orElseThrow();

        assertThat(BearerSecret.hasShape("hw_admin_", key)).isTrue();
        assertThat(keys.ensureKey()).isEmpty();
        assertThat(new AdminKeys(repository, TestStore.CLOCK).ensureKey()).isEmpty();
        List<ApiKey> stored = repository.list();
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().name()).isEqualTo("admin");
        assertThat(stored.getFirst().digest()).isEqualTo(headwater.security.secret.SecretDigest.of(key).hex())
                .doesNotContain(key.substring(9));
        String everything = store.database().read(handle -> handle.createQuery(
                "SELECT name || ' ' || digest || ' ' || created_at FROM api_key").mapTo(String.class).list()).toString();
        assertThat(everything).doesNotContain(key.substring(9));
    }

    @EachDatabase
    void a_second_key_works_alongside_and_use_is_recorded(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            String second = api.keys.create("billing-script");
            Reply reply = api.send(HttpRequest.newBuilder(api.uri("/api/v1/categories"))
                    .header("Authorization", "Bearer " + second));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(api.get("/api/v1/categories").status()).isEqualTo(200);
            JdbiApiKeyRepository repository = new JdbiApiKeyRepository(store.database(), TestStore.CLOCK);
            assertThat(repository.list()).allSatisfy(key -> assertThat(key.lastUsed()).isNotNull());
        }
    }
}
