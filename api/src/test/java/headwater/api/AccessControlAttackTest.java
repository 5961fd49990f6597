package headwater.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.api.ApiServer.Reply;
import headwater.domain.apitoken.ApiScope;
import headwater.domain.audit.AuditEntry;
import headwater.domain.audit.AuditQuery;
import headwater.domain.identity.Role;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Access-control attacks on the admin API, each with its safe outcome asserted: IDOR across resellers (404, as if
 * the object did not exist), role escalation and mass assignment through the body (403 privileged-field, nothing
 * stored), support trying to change things (403), revoked and expired tokens (the one 401), a token without the
 * scope a route needs (403), and every refused mutation in the audit log.
 */
class AccessControlAttackTest {

    private static final String SUBSCRIBER = "{\"id\": \"%s\", \"username\": \"%s\", \"password\": \"correct horse\"%s}";
    /** A replacement based on version 1, keeping the password. */
    private static final String REPLACEMENT = "{\"id\": \"%s\", \"username\": \"%s\", \"version\": 1%s}";

    /** Two resellers with one subscriber each, a device and a playlist token on r1's, and a token per reseller. */
    private record World(ApiServer api, String r1, String r2) {
    }

    private static World world(TestStore store) {
        ApiServer api = ApiServer.start(store);
        assertThat(api.post("/api/v1/resellers", "{\"id\": \"r1\", \"name\": \"One\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/resellers", "{\"id\": \"r2\", \"name\": \"Two\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/subscribers", SUBSCRIBER.formatted("s1", "alice", ", \"resellerId\": \"r1\""))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/subscribers", SUBSCRIBER.formatted("s2", "bob", ", \"resellerId\": \"r2\""))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/devices", "{\"id\": \"box1\", \"subscriberId\": \"s1\", \"kind\": \"APP\", \"serial\": \"SN-1\"}")
                .status()).isEqualTo(201);
        String r1 = api.token("shop-one", Role.RESELLER, "r1", ApiScope.SUBSCRIBERS_READ, ApiScope.SUBSCRIBERS_WRITE,
                ApiScope.RESELLERS_READ, ApiScope.CATALOGUE_READ);
        String r2 = api.token("shop-two", Role.RESELLER, "r2", ApiScope.SUBSCRIBERS_READ, ApiScope.SUBSCRIBERS_WRITE,
                ApiScope.RESELLERS_READ, ApiScope.CATALOGUE_READ);
        return new World(api, r1, r2);
    }

    @EachDatabase
    void a_reseller_reaches_only_its_own_objects_and_others_look_absent(TestStore store) {
        World w = world(store);
        try (ApiServer api = w.api()) {
            Reply absent = api.as(w.r2(), "GET", "/api/v1/subscribers/nobody", null);
            assertThat(absent.status()).isEqualTo(404);
            for (String[] attack : List.of(
                    new String[] {"GET", "/api/v1/subscribers/s1"},
                    new String[] {"GET", "/api/v1/subscribers/s1/devices"},
                    new String[] {"GET", "/api/v1/subscribers/s1/playlist-tokens"},
                    new String[] {"POST", "/api/v1/subscribers/s1/playlist-tokens"},
                    new String[] {"GET", "/api/v1/subscribers/s1/contact"},
                    new String[] {"GET", "/api/v1/subscribers/s1/totp"},
                    new String[] {"GET", "/api/v1/devices/box1"},
                    new String[] {"DELETE", "/api/v1/devices/box1"},
                    new String[] {"DELETE", "/api/v1/subscribers/s1"},
                    new String[] {"GET", "/api/v1/resellers/r1"},
                    new String[] {"GET", "/api/v1/resellers/r1/movements"})) {
                Reply reply = api.as(w.r2(), attack[0], attack[1], attack[0].equals("POST") ? "{}" : null);
                assertThat(reply.status()).as(attack[0] + " " + attack[1]).isEqualTo(404);
                assertThat(reply.problem()).isEqualTo("not-found");
            }
            Reply put = api.as(w.r2(), "PUT", "/api/v1/subscribers/s1", REPLACEMENT.formatted("s1", "alice", ""));
            assertThat(put.status()).isEqualTo(404);
            Reply device = api.as(w.r2(), "POST", "/api/v1/devices",
                    "{\"id\": \"box2\", \"subscriberId\": \"s1\", \"kind\": \"APP\", \"serial\": \"SN-2\"}");
            assertThat(device.status()).as("a device on another's subscriber is as unknown as on none").isEqualTo(422);

            Reply listed = api.as(w.r2(), "GET", "/api/v1/subscribers?owner=r1", null);
            assertThat(listed.json().get("items").findValuesAsText("id")).containsExactly("s2");
            assertThat(api.as(w.r2(), "GET", "/api/v1/resellers", null).json().get("items").findValuesAsText("id"))
                    .containsExactly("r2");
            assertThat(api.as(w.r1(), "GET", "/api/v1/subscribers/s1", null).status()).isEqualTo(200);
            long devices = store.database().read(h -> h.createQuery("SELECT COUNT(*) FROM device").mapTo(Long.class)
                    .one());
            assertThat(devices).isEqualTo(1L);
            assertThat(api.get("/api/v1/subscribers/s1").status()).as("s1 still there").isEqualTo(200);
        }
    }

    @EachDatabase
    void role_escalation_and_mass_assignment_through_the_body_are_refused_naming_the_field(TestStore store) {
        World w = world(store);
        try (ApiServer api = w.api()) {
            record Attack(String body, String field) {
            }
            for (Attack attack : List.of(
                    new Attack(SUBSCRIBER.formatted("x1", "x1", ", \"resellerId\": \"r1\""), "resellerId"),
                    new Attack(SUBSCRIBER.formatted("x2", "x2", ", \"packageIds\": [\"all\"]"), "packageIds"),
                    new Attack(SUBSCRIBER.formatted("x3", "x3", ", \"status\": \"BANNED\""), "status"),
                    new Attack(SUBSCRIBER.formatted("x4", "x4", ", \"maxConnections\": 50"), "maxConnections"))) {
                Reply reply = api.as(w.r2(), "POST", "/api/v1/subscribers", attack.body());
                assertThat(reply.status()).as(attack.body()).isEqualTo(403);
                assertThat(reply.problem()).isEqualTo("privileged-field");
                assertThat(reply.json().get("errors").findValuesAsText("field")).containsExactly(attack.field());
                assertThat(reply.body()).doesNotContain("correct horse");
            }
            assertThat(api.get("/api/v1/subscribers?usernamePrefix=x").json().get("total").asLong()).isZero();

            Reply own = api.as(w.r2(), "POST", "/api/v1/subscribers", SUBSCRIBER.formatted("x5", "x5", ""));
            assertThat(own.status()).as(own.toString()).isEqualTo(201);
            assertThat(own.json().get("resellerId").asText()).as("a reseller's subscriber is its own").isEqualTo("r2");
            Reply moveAway = api.as(w.r2(), "PUT", "/api/v1/subscribers/s2",
                    REPLACEMENT.formatted("s2", "bob", ", \"resellerId\": \"r1\""));
            assertThat(moveAway.status()).isEqualTo(403);
            assertThat(api.get("/api/v1/subscribers/s2").json().get("resellerId").asText()).isEqualTo("r2");

            Reply credits = api.as(w.r2(), "POST", "/api/v1/resellers/r2/credits", "{\"amount\": 1000, \"reason\": \"x\"}");
            assertThat(credits.status()).as("a reseller cannot give itself credits").isEqualTo(403);
            assertThat(credits.problem()).isEqualTo("forbidden");
            Reply token = api.as(w.r2(), "POST", "/api/v1/api-tokens",
                    "{\"name\": \"root\", \"role\": \"ADMIN\", \"scopes\": [\"admin\"]}");
            assertThat(token.status()).as("nor make itself an admin token").isEqualTo(403);
            assertThat(api.tokens.list()).extracting(t -> t.name()).doesNotContain("root");
        }
    }

    @EachDatabase
    void support_reads_and_ends_sessions_but_changes_nothing(TestStore store) {
        World w = world(store);
        try (ApiServer api = w.api()) {
            String support = api.token("helpdesk", Role.SUPPORT, null, ApiScope.CATALOGUE_READ,
                    ApiScope.SUBSCRIBERS_READ, ApiScope.RESELLERS_READ, ApiScope.SESSIONS_READ, ApiScope.SESSIONS_KILL);
            assertThat(api.as(support, "GET", "/api/v1/subscribers/s1", null).status()).isEqualTo(200);
            assertThat(api.as(support, "GET", "/api/v1/resellers/r1", null).status()).isEqualTo(200);
            assertThat(api.as(support, "DELETE", "/api/v1/sessions/unknown", null).status())
                    .as("ending a session is allowed (this one does not exist)").isEqualTo(404);
            for (String[] attack : List.of(
                    new String[] {"POST", "/api/v1/channels", "{\"id\": \"c\", \"number\": 1, \"name\": \"C\"}"},
                    new String[] {"DELETE", "/api/v1/subscribers/s1", null},
                    new String[] {"PUT", "/api/v1/subscribers/s1", REPLACEMENT.formatted("s1", "alice", "")},
                    new String[] {"POST", "/api/v1/resellers/r1/credits", "{\"amount\": 5, \"reason\": \"x\"}"},
                    new String[] {"POST", "/api/v1/token-keys/rotate", "{}"},
                    new String[] {"POST", "/api/v1/sessions", "{\"username\": \"alice\", \"channelId\": \"c\"}"},
                    new String[] {"GET", "/api/v1/api-tokens", null})) {
                Reply reply = api.as(support, attack[0], attack[1], attack[2]);
                assertThat(reply.status()).as(attack[0] + " " + attack[1]).isEqualTo(403);
                assertThat(reply.problem()).isEqualTo("forbidden");
            }
            assertThat(api.get("/api/v1/subscribers/s1").status()).isEqualTo(200);
            assertThat(store.channels().find("c")).isEmpty();
        }
    }

    @EachDatabase
    void revoked_and_expired_tokens_get_the_one_401_and_a_missing_scope_403(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            String revoked = api.token("old", Role.ADMIN, null, ApiScope.ADMIN);
            assertThat(api.as(revoked, "GET", "/api/v1/channels", null).status()).isEqualTo(200);
            api.tokens.revoke("old");
            String expired = api.tokens.issue("brief", Role.ADMIN, Set.of(ApiScope.ADMIN), null, "test",
                    Instant.now().plusMillis(200)).secret();
            await().until(() -> api.tokens.list().stream().filter(t -> t.name().equals("brief"))
                    .noneMatch(t -> t.activeAt(Instant.now())));
            Reply anonymous = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/v1/channels")));
            for (String token : List.of(revoked, expired)) {
                Reply reply = api.as(token, "GET", "/api/v1/channels", null);
                assertThat(reply.status()).isEqualTo(401);
                assertThat(reply.body()).isEqualTo(anonymous.body());
            }
            String readOnly = api.token("reader", Role.ADMIN, null, ApiScope.CATALOGUE_READ);
            assertThat(api.as(readOnly, "GET", "/api/v1/channels", null).status()).isEqualTo(200);
            Reply write = api.as(readOnly, "POST", "/api/v1/channels", "{\"id\": \"c\", \"number\": 1, \"name\": \"C\"}");
            assertThat(write.status()).isEqualTo(403);
            assertThat(write.problem()).isEqualTo("forbidden");
            assertThat(api.as(readOnly, "GET", "/api/v1/subscribers", null).status()).isEqualTo(403);
            assertThat(store.channels().find("c")).isEmpty();
        }
    }

    @EachDatabase
    void refused_and_done_mutations_are_audited_with_secrets_redacted(TestStore store) {
        World w = world(store);
        try (ApiServer api = w.api()) {
            api.as(w.r2(), "POST", "/api/v1/subscribers", SUBSCRIBER.formatted("x1", "x1", ", \"resellerId\": \"r1\""));
            api.as(w.r2(), "PUT", "/api/v1/subscribers/s2", REPLACEMENT.formatted("s2", "bob", ", \"notes\": \"vip\""));
            Reply reset = api.as(w.r2(), "PUT", "/api/v1/subscribers/s2", SUBSCRIBER.formatted("s2", "bob",
                    ", \"version\": 2"));
            assertThat(reset.problem()).as("setting another's password needs a step-up a token cannot give")
                    .isEqualTo("step-up-required");
            api.post("/api/v1/api-tokens", "{\"name\": \"ci\", \"role\": \"SUPPORT\", \"scopes\": [\"catalogue:read\"]}");

            AuditQuery all = new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0,
                    100);
            // Recorded once each answer is sent, on a worker thread.
            await().until(() -> ApiServer.auditLog(store).find(all).stream()
                    .anyMatch(e -> e.event().action().equals("api-tokens.create")));
            List<AuditEntry> entries = ApiServer.auditLog(store).find(all);
            assertThat(entries).anySatisfy(e -> {
                assertThat(e.event().actor()).isEqualTo("shop-two");
                assertThat(e.event().actorKind()).isEqualTo("api-token");
                assertThat(e.event().action()).isEqualTo("subscribers.create");
                assertThat(e.event().outcome()).isEqualTo("refused:privileged-field");
                assertThat(e.event().address()).isEqualTo("127.0.0.1");
            });
            assertThat(entries).anySatisfy(e -> {
                assertThat(e.event().action()).isEqualTo("subscribers.update");
                assertThat(e.event().targetId()).isEqualTo("s2");
                assertThat(e.event().outcome()).isEqualTo("ok");
                assertThat(e.event().before()).contains("\"username\":\"bob\"").doesNotContain("vip");
                assertThat(e.event().after()).contains("vip");
            });
            assertThat(entries).anySatisfy(e -> {
                assertThat(e.event().action()).isEqualTo("api-tokens.create");
                assertThat(e.event().targetId()).isEqualTo("ci");
                assertThat(e.event().after()).contains("\"token\":\"[redacted]\"").doesNotContain("hw_api_");
            });
            assertThat(entries).allSatisfy(e -> assertThat(String.valueOf(e.event().before())
                    + e.event().after()).doesNotContain("correct horse", "hw_api_", "$argon2"));
        }
    }
}
