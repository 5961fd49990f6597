package headwater.api;

import static headwater.api.ProblemApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import headwater.api.ApiServer.Reply;
import headwater.domain.apitoken.ApiScope;
import headwater.domain.apitoken.ApiToken;
import headwater.domain.identity.Role;
import headwater.security.secret.BearerSecret;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.apitoken.JdbiApiTokenRepository;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every route but the OpenAPI document needs an API token; refusals (missing, malformed, unknown, revoked, expired)
 * look the same and are logged with the reason, never the token.
 */
class AuthApiTest {

    @EachDatabase
    void missing_malformed_unknown_and_wrong_keys_all_get_the_same_401(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            String otherKey = BearerSecret.generate("hw_api_").reveal();
            String revoked = api.token("revoked", Role.ADMIN, null, ApiScope.ADMIN);
            api.tokens.revoke("revoked");
            String expired = api.tokens.issue("expired", Role.ADMIN, java.util.Set.of(ApiScope.ADMIN), null, "test",
                    java.time.Instant.now().plusMillis(50)).secret();
            await().until(() -> java.time.Instant.now().isAfter(api.tokens.list().stream()
                    .filter(t -> t.name().equals("expired")).findFirst().orElseThrow().expires()));
            List<HttpRequest.Builder> refused = List.of(
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Basic YWRtaW46YWRtaW4="),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer"),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer not a token"),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer " + otherKey),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization",
                            "Bearer " + api.key.substring(0, api.key.length() - 1) + (api.key.endsWith("A") ? "B" : "A")),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer " + api.key + "x"),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer hw_api_"
                            + "x".repeat(600)),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer " + revoked),
                    HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer " + expired),
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
            String wrong = BearerSecret.generate("hw_api_").reveal();
            String revoked = api.token("old-script", Role.SUPPORT, null, ApiScope.CATALOGUE_READ);
            api.tokens.revoke("old-script");
            api.send(HttpRequest.newBuilder(api.uri("/api/v1/channels")));
            api.send(HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Basic c2VjcmV0"));
            api.send(HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer " + wrong));
            api.send(HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer " + api.key
                    + "0"));
            api.send(HttpRequest.newBuilder(api.uri("/api/v1/channels")).header("Authorization", "Bearer " + revoked));
            api.get("/api/v1/channels");

            List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).hasSize(5);
            assertThat(lines.get(0)).startsWith("admin API: refused GET /api/v1/channels from 127.0.0.1:")
                    .endsWith(": no Authorization header");
            assertThat(lines.get(1)).endsWith(": Authorization scheme Basic is not Bearer");
            assertThat(lines.get(2)).endsWith(": no stored API token matches the Bearer token");
            assertThat(lines.get(3)).endsWith("is not shaped like an API token (hw_api_ and 43 characters)");
            assertThat(lines.get(4)).contains(": API token old-script was revoked at ");
            assertThat(String.join("\n", lines)).doesNotContain(wrong.substring(7), api.key.substring(7),
                    revoked.substring(7), "c2VjcmV0");
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
    void a_token_is_shown_once_and_only_its_digest_is_stored(TestStore store) {
        JdbiApiTokenRepository repository = new JdbiApiTokenRepository(store.database());
        ApiTokens tokens = new ApiTokens(repository, TestStore.CLOCK);

        String token = tokens.issue("ops", Role.ADMIN, java.util.Set.of(ApiScope.ADMIN), null, "cli:root", null)
                .secret();

        assertThat(BearerSecret.hasShape("hw_api_", token)).isTrue();
        List<ApiToken> stored = repository.list();
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().digest()).isEqualTo(headwater.security.secret.SecretDigest.of(token).hex())
                .doesNotContain(token.substring(7));
        String everything = store.database().read(handle -> handle.createQuery(
                "SELECT name || ' ' || digest || ' ' || role || ' ' || scopes || ' ' || created_by FROM api_token")
                .mapTo(String.class).list()).toString();
        assertThat(everything).doesNotContain(token.substring(7));
    }

    @EachDatabase
    void a_second_token_works_alongside_and_use_is_recorded(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            String second = api.token("billing-script", Role.SUPPORT, null, ApiScope.CATALOGUE_READ);
            Reply reply = api.send(HttpRequest.newBuilder(api.uri("/api/v1/categories"))
                    .header("Authorization", "Bearer " + second));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(api.get("/api/v1/categories").status()).isEqualTo(200);
            assertThat(api.tokens.list()).allSatisfy(token -> assertThat(token.lastUsed()).isNotNull());
        }
    }

    @EachDatabase
    void a_key_from_before_tokens_still_works_as_an_admin_token(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            BearerSecret legacy = BearerSecret.generate("hw_admin_");
            new JdbiApiTokenRepository(store.database()).create(ApiToken.issued("admin-key", legacy.digest().hex(),
                    Role.ADMIN, java.util.Set.of(ApiScope.ADMIN), null, "admin-key", TestStore.CLOCK.instant(), null));

            assertThat(api.send(api.as(legacy.reveal(), "/api/v1/channels")).status()).isEqualTo(200);
        }
    }
}
