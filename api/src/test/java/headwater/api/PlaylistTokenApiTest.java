package headwater.api;

import static headwater.api.ProblemApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.ApiServer.Reply;
import headwater.api.xtream.LoginLimits;
import headwater.api.xtream.PlaylistTokens;
import headwater.api.xtream.StoreXtreamLogin;
import headwater.api.xtream.XtreamLogin;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import headwater.store.xtream.JdbiPlaylistTokenRepository;
import java.net.InetAddress;
import java.time.Clock;

/** Playlist tokens through the admin API: made (shown once), listed without secrets, revoked; and what login says. */
class PlaylistTokenApiTest {

    private static final String TOKENS = "/api/v1/subscribers/s1/playlist-tokens";

    private static XtreamLogin login(TestStore store) {
        return new StoreXtreamLogin(new JdbiSubscriberRepository(store.database(), TestStore.CLOCK),
                new JdbiPlanRepository(store.database()), new JdbiPlaylistTokenRepository(store.database()),
                new Argon2PasswordHasher(), LoginLimits.DEFAULTS, Clock.systemUTC());
    }

    @EachDatabase
    void a_token_is_shown_once_listed_without_secret_and_revoked(TestStore store) throws Exception {
        try (ApiServer api = ApiServer.start(store)) {
            api.post("/api/v1/subscribers", "{\"id\": \"s1\", \"username\": \"alice\", \"password\": \"pw-12345\"}");
            api.post("/api/v1/devices", "{\"id\": \"tv1\", \"subscriberId\": \"s1\", \"kind\": \"APP\", "
                    + "\"serial\": \"X1\"}");

            Reply created = api.post(TOKENS, "{\"deviceId\": \"tv1\", \"label\": \"Living room\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().get("id").asText();
            String token = created.json().get("token").asText();
            assertThat(token).startsWith(PlaylistTokens.PREFIX).hasSize(49);
            assertThat(created.header("Location")).isEqualTo(TOKENS + "/" + id);
            assertThat(created.json().get("deviceId").asText()).isEqualTo("tv1");
            assertThat(created.json().get("active").asBoolean()).isTrue();

            Reply bare = api.send(api.request(TOKENS).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(bare.status()).as(bare.toString()).isEqualTo(201);
            assertThat(bare.json().get("label").isNull()).isTrue();

            Reply listed = api.get(TOKENS);
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.header("X-Total-Count")).isEqualTo("2");
            assertThat(listed.body()).doesNotContain(token.substring(PlaylistTokens.PREFIX.length()), "digest", "\"token\"");
            assertThat(item(listed, id).get("label").asText()).isEqualTo("Living room");

            InetAddress client = InetAddress.getByName("192.0.2.1");
            assertThat(login(store).token(token, client)).isInstanceOf(XtreamLogin.Result.Authenticated.class);

            assertThat(api.delete(TOKENS + "/" + id).status()).isEqualTo(204);
            assertThat(api.delete(TOKENS + "/" + id).status()).as("revoking twice").isEqualTo(204);
            assertThat(login(store).token(token, client)).isInstanceOf(XtreamLogin.Result.Invalid.class);
            Reply after = api.get(TOKENS);
            assertThat(item(after, id).get("active").asBoolean()).isFalse();
            assertThat(item(after, id).get("revoked").asText()).isNotBlank();
            assertThat(item(after, bare.json().get("id").asText()).get("active").asBoolean()).isTrue();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode item(Reply listing, String id) {
        for (com.fasterxml.jackson.databind.JsonNode item : listing.json().get("items")) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no token " + id + " in " + listing.body());
    }

    @EachDatabase
    void unknown_subscribers_tokens_and_foreign_devices_are_refused(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            api.post("/api/v1/subscribers", "{\"id\": \"s1\", \"username\": \"alice\", \"password\": \"pw-12345\"}");
            api.post("/api/v1/subscribers", "{\"id\": \"s2\", \"username\": \"bob\", \"password\": \"pw-12345\"}");
            api.post("/api/v1/devices", "{\"id\": \"bobs\", \"subscriberId\": \"s2\", \"kind\": \"APP\", "
                    + "\"serial\": \"X2\"}");

            assertProblem(api.get("/api/v1/subscribers/nobody/playlist-tokens"), ProblemType.NOT_FOUND,
                    "/api/v1/subscribers/nobody/playlist-tokens");
            assertProblem(api.post("/api/v1/subscribers/nobody/playlist-tokens", "{}"), ProblemType.NOT_FOUND,
                    "/api/v1/subscribers/nobody/playlist-tokens");
            Reply foreign = api.post(TOKENS, "{\"deviceId\": \"bobs\"}");
            assertProblem(foreign, ProblemType.UNKNOWN_REFERENCE, TOKENS);
            assertThat(foreign.json().get("errors").get(0).get("field").asText()).isEqualTo("deviceId");
            assertProblem(api.post(TOKENS, "{\"secret\": \"x\"}"), ProblemType.UNKNOWN_FIELD, TOKENS);
            assertProblem(api.post(TOKENS, "{\"label\": \"a\\nb\"}"), ProblemType.VALIDATION_FAILED, TOKENS);
            assertProblem(api.delete(TOKENS + "/pt-nope"), ProblemType.NOT_FOUND, TOKENS + "/pt-nope");
            String bobs = api.post("/api/v1/subscribers/s2/playlist-tokens", "{}").json().get("id").asText();
            assertProblem(api.delete(TOKENS + "/" + bobs), ProblemType.NOT_FOUND, TOKENS + "/" + bobs);
            assertThat(api.get("/api/v1/subscribers/s2/playlist-tokens").json().get("items").get(0).get("active")
                    .asBoolean()).isTrue();
        }
    }
}
