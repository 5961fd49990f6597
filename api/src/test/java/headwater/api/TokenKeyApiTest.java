package headwater.api;

import static headwater.api.ProblemApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import headwater.api.ApiServer.Reply;
import headwater.domain.session.SigningKey;
import headwater.store.EachDatabase;
import headwater.store.TestCipher;
import headwater.store.TestStore;
import headwater.store.session.JdbiSigningKeyRepository;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** {@code /api/v1/token-keys}: list without secrets, rotate; admin key required. */
class TokenKeyApiTest {

    @EachDatabase
    void lists_the_first_key_as_signing_without_its_secret(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            Reply reply = api.get("/api/v1/token-keys");

            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.header("X-Total-Count")).isEqualTo("1");
            JsonNode key = reply.json().get("items").get(0);
            assertThat(key.get("id").asText()).isEqualTo("1");
            assertThat(key.get("state").asText()).isEqualTo("signing");
            assertThat(key.get("signsFrom").asText()).isEqualTo(key.get("created").asText());
            assertThat(key.get("retired").isNull()).isTrue();
            assertThat(key.size()).isEqualTo(5);
            assertNoSecret(store, reply);
        }
    }

    @EachDatabase
    void rotate_makes_a_pending_key_and_retires_the_signing_one_after_the_propagation(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            Instant before = Instant.now().minusSeconds(1);

            Reply rotated = api.send(api.request("/api/v1/token-keys/rotate").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(rotated.status()).as(rotated.toString()).isEqualTo(201);
            assertThat(rotated.json().get("id").asText()).isEqualTo("2");
            assertThat(rotated.json().get("state").asText()).isEqualTo("pending");
            Instant created = Instant.parse(rotated.json().get("created").asText());
            assertThat(created).isAfter(before);
            assertThat(Instant.parse(rotated.json().get("signsFrom").asText())).isEqualTo(created.plusSeconds(30));

            Reply listed = api.get("/api/v1/token-keys");
            List<String> states = listed.json().get("items").findValuesAsText("state");
            assertThat(states).containsExactly("signing", "pending");
            assertThat(listed.json().get("items").get(0).get("retired").asText())
                    .isEqualTo(rotated.json().get("signsFrom").asText());
            assertNoSecret(store, listed);
            assertNoSecret(store, rotated);

            assertThat(api.post("/api/v1/token-keys/rotate", "{}").json().get("id").asText()).isEqualTo("3");
        }
    }

    @EachDatabase
    void rotate_refuses_a_body_with_fields_and_a_missing_content_type_and_a_missing_key(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            Reply fields = api.post("/api/v1/token-keys/rotate", "{\"id\": \"9\"}");
            assertProblem(fields, ProblemType.UNKNOWN_FIELD, "/api/v1/token-keys/rotate");
            Reply untyped = api.send(api.request("/api/v1/token-keys/rotate").POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(untyped.status()).isEqualTo(415);
            Reply anonymous = api.send(HttpRequest.newBuilder(api.uri("/api/v1/token-keys/rotate"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(anonymous.status()).isEqualTo(401);
            Reply wrongMethod = api.delete("/api/v1/token-keys");
            assertThat(wrongMethod.status()).isEqualTo(405);

            assertThat(new JdbiSigningKeyRepository(store.database(), TestCipher.INSTANCE).list()).extracting(SigningKey::id)
                    .containsExactly("1");
        }
    }

    private static void assertNoSecret(TestStore store, Reply reply) {
        for (SigningKey key : new JdbiSigningKeyRepository(store.database(), TestCipher.INSTANCE).list()) {
            String hex = HexFormat.of().formatHex(key.secret());
            assertThat(reply.body()).doesNotContain(hex).doesNotContain(hex.substring(0, 16))
                    .doesNotContain(java.util.Base64.getEncoder().encodeToString(key.secret()).substring(0, 16));
        }
        assertThat(reply.body()).doesNotContain("secret");
    }
}
