package headwater.api;

import static headwater.api.ChannelApiTest.fields;
import static headwater.api.ChannelApiTest.ids;
import static headwater.api.ChannelApiTest.quote;
import static headwater.api.ChannelApiTest.race;
import static headwater.api.ProblemApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.ApiServer.Reply;
import headwater.domain.catalog.Package;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberRepository;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.subscriber.JdbiResellerRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.util.List;

/** Plans, subscribers, resellers and devices over a real server and store; passwords are write-only. */
class CustomerApiTest {

    private static final String PLAN = """
            {"id": "gold", "name": "Gold", "packageIds": ["sports"], "maxConnections": 2, "maxQuality": "FHD",
             "price": {"minorUnits": 999, "currency": "EUR"}, "period": {"length": 1, "unit": "MONTHS"}}""";

    private static SubscriberRepository subscribers(TestStore store) {
        return new JdbiSubscriberRepository(store.database(), TestStore.CLOCK);
    }

    private static PasswordHash storedHash(TestStore store, String id) {
        return subscribers(store).get(id).passwordHash();
    }

    @EachDatabase
    void plan_round_trip(TestStore store) {
        store.packages().create(Package.of("sports", "Sports"));
        try (ApiServer api = ApiServer.start(store)) {
            Reply created = api.post("/api/v1/plans", PLAN);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.header("Location")).isEqualTo("/api/v1/plans/gold");
            assertThat(created.json().get("price").toString()).isEqualTo("{\"minorUnits\":999,\"currency\":\"EUR\"}");
            assertThat(created.json().get("enabled").asBoolean()).isTrue();

            Reply badCurrency = api.post("/api/v1/plans", PLAN.replace("gold", "silver").replace("EUR", "EURO"));
            assertProblem(badCurrency, ProblemType.VALIDATION_FAILED, "/api/v1/plans");
            assertThat(fields(badCurrency)).containsExactly("price.currency");
            Reply missing = api.post("/api/v1/plans", "{\"id\": \"x\", \"name\": \"X\", \"price\": {\"currency\": \"EUR\"}}");
            assertThat(fields(missing)).containsExactly("period", "price.minorUnits");
            Reply unknownPackage = api.post("/api/v1/plans", PLAN.replace("gold", "silver").replace("\"sports\"", "\"nope\""));
            assertProblem(unknownPackage, ProblemType.UNKNOWN_REFERENCE, "/api/v1/plans");
            assertThat(fields(unknownPackage)).containsExactly("packageIds");

            Reply replaced = api.put("/api/v1/plans/gold", PLAN.replace("Gold", "Gold+"), "If-Match", created.header("ETag"));
            assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
            assertThat(api.put("/api/v1/plans/gold", PLAN, "If-Match", created.header("ETag")).status()).isEqualTo(412);
            assertThat(ids(api.get("/api/v1/plans"))).containsExactly("gold");

            api.post("/api/v1/subscribers", "{\"id\": \"s1\", \"username\": \"alice\", \"password\": \"correct horse\", "
                    + "\"planId\": \"gold\"}");
            assertProblem(api.delete("/api/v1/plans/gold"), ProblemType.REFERENCE_IN_USE, "/api/v1/plans/gold");
            assertThat(api.delete("/api/v1/subscribers/s1").status()).isEqualTo(204);
            assertThat(api.delete("/api/v1/plans/gold").status()).isEqualTo(204);
        }
    }

    @EachDatabase
    void the_password_is_hashed_on_the_way_in_and_never_comes_out(TestStore store) {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher();
        try (ApiServer api = ApiServer.start(store)) {
            Reply created = api.post("/api/v1/subscribers", """
                    {"id": "s1", "username": "Alice", "password": "correct horse battery", "expiry": "2027-01-31T23:59:59+01:00",
                     "maxConnections": 2, "outputFormats": ["HLS"], "allowedNetworks": ["192.0.2.7/24", "2001:db8::/32"],
                     "notes": "line one\\nline two"}""");

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.header("Location")).isEqualTo("/api/v1/subscribers/s1");
            assertThat(created.header("ETag")).isEqualTo("\"1\"");
            assertThat(created.body()).doesNotContain("correct horse", "password", "argon2", "Hash");
            assertThat(created.json().get("expiry").asText()).isEqualTo("2027-01-31T22:59:59Z");
            assertThat(created.json().get("allowedNetworks").toString()).isEqualTo("[\"192.0.2.0/24\",\"2001:db8::/32\"]");
            assertThat(created.json().get("outputFormats").toString()).isEqualTo("[\"HLS\"]");
            assertThat(created.json().get("notes").asText()).isEqualTo("line one\nline two");
            assertThat(created.json().get("resellerId").isNull()).isTrue();
            PasswordHash first = storedHash(store, "s1");
            assertThat(first.algorithm()).isEqualTo("argon2id");
            assertThat(hasher.verify("correct horse battery".toCharArray(), first)).isTrue();
            assertThat(api.get("/api/v1/subscribers/s1").body()).doesNotContain("password", "argon2", "Hash");

            Reply kept = api.put("/api/v1/subscribers/s1", "{\"username\": \"alice\", \"version\": 1}");
            assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
            assertThat(storedHash(store, "s1")).isEqualTo(first);

            Reply changed = api.put("/api/v1/subscribers/s1", "{\"username\": \"alice\", \"password\": \"new secret words\"}",
                    "If-Match", "\"2\"");
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.body()).doesNotContain("new secret words");
            assertThat(hasher.verify("new secret words".toCharArray(), storedHash(store, "s1"))).isTrue();
            assertThat(hasher.verify("correct horse battery".toCharArray(), storedHash(store, "s1"))).isFalse();

            Reply shortPassword = api.put("/api/v1/subscribers/s1", "{\"username\": \"alice\", \"password\": \"abc\", "
                    + "\"version\": 3}");
            assertProblem(shortPassword, ProblemType.VALIDATION_FAILED, "/api/v1/subscribers/s1");
            assertThat(fields(shortPassword)).containsExactly("password");
            assertThat(shortPassword.body()).doesNotContain("abc\"");
            Reply noPassword = api.post("/api/v1/subscribers", "{\"id\": \"s2\", \"username\": \"bob\"}");
            assertThat(fields(noPassword)).containsExactly("password");
            Reply hashSmuggled = api.post("/api/v1/subscribers", "{\"id\": \"s2\", \"username\": \"bob\", \"password\": "
                    + "\"long enough\", \"passwordHash\": \"$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA\"}");
            assertProblem(hashSmuggled, ProblemType.UNKNOWN_FIELD, "/api/v1/subscribers");
            assertThat(fields(hashSmuggled)).containsExactly("passwordHash");
            assertThat(subscribers(store).find("s2")).isEmpty();
        }
    }

    @EachDatabase
    void subscribers_list_filtered_sorted_and_paged(TestStore store) {
        new JdbiResellerRepository(store.database(), TestStore.CLOCK).create(
                new headwater.domain.subscriber.ResellerDraft("r1", "Reseller One"));
        try (ApiServer api = ApiServer.start(store)) {
            api.post("/api/v1/subscribers", "{\"id\": \"a\", \"username\": \"carol\", \"password\": \"password-a\", "
                    + "\"expiry\": \"2027-01-01T00:00:00Z\"}");
            api.post("/api/v1/subscribers", "{\"id\": \"b\", \"username\": \"Alice\", \"password\": \"password-b\", "
                    + "\"status\": \"DISABLED\", \"resellerId\": \"r1\"}");
            api.post("/api/v1/subscribers", "{\"id\": \"c\", \"username\": \"bob\", \"password\": \"password-c\", "
                    + "\"expiry\": \"2026-12-01T00:00:00Z\"}");

            assertThat(ids(api.get("/api/v1/subscribers"))).containsExactly("b", "c", "a");
            assertThat(ids(api.get("/api/v1/subscribers?sort=-username"))).containsExactly("a", "c", "b");
            assertThat(ids(api.get("/api/v1/subscribers?sort=expiry"))).containsExactly("c", "a", "b");
            assertThat(ids(api.get("/api/v1/subscribers?status=DISABLED"))).containsExactly("b");
            assertThat(ids(api.get("/api/v1/subscribers?owner=r1"))).containsExactly("b");
            assertThat(ids(api.get("/api/v1/subscribers?owner=operator"))).containsExactly("c", "a");
            assertThat(ids(api.get("/api/v1/subscribers?usernamePrefix=AL"))).containsExactly("b");
            assertThat(ids(api.get("/api/v1/subscribers?expiringBefore=2026-12-31T00:00:00Z"))).containsExactly("c");
            Reply page = api.get("/api/v1/subscribers?size=2&page=2");
            assertThat(ids(page)).containsExactly("a");
            assertThat(page.header("X-Total-Count")).isEqualTo("3");
            Reply bad = api.get("/api/v1/subscribers?status=active&expiringBefore=tomorrow&sort=age");
            assertThat(fields(bad)).containsExactlyInAnyOrder("status", "expiringBefore", "sort");
            Reply unknownOwner = api.post("/api/v1/subscribers", "{\"id\": \"d\", \"username\": \"dan\", "
                    + "\"password\": \"password-d\", \"resellerId\": \"nobody\"}");
            assertProblem(unknownOwner, ProblemType.UNKNOWN_REFERENCE, "/api/v1/subscribers");
            assertThat(fields(unknownOwner)).containsExactly("resellerId");
            Reply taken = api.post("/api/v1/subscribers", "{\"id\": \"e\", \"username\": \"BOB\", \"password\": \"password-e\"}");
            assertProblem(taken, ProblemType.DUPLICATE_KEY, "/api/v1/subscribers");
            assertThat(fields(taken)).containsExactly("username");
        }
    }

    @EachDatabase
    void of_two_subscriber_updates_on_the_same_version_one_wins(TestStore store) throws Exception {
        try (ApiServer api = ApiServer.start(store)) {
            api.post("/api/v1/subscribers", "{\"id\": \"s1\", \"username\": \"alice\", \"password\": \"password-1\"}");

            List<Reply> replies = race(2, i -> api.put("/api/v1/subscribers/s1",
                    "{\"username\": \"alice\", \"maxConnections\": " + (i + 2) + ", \"version\": 1}"));

            assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 409);
            Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
            Subscriber stored = subscribers(store).get("s1");
            assertThat(stored.maxConnections()).isEqualTo(winner.json().get("maxConnections").asInt());
            assertThat(stored.version()).isEqualTo(2);
        }
    }

    @EachDatabase
    void hostile_text_in_notes_comes_back_verbatim(TestStore store) {
        String notes = "Robert'); DROP TABLE subscriber;-- <img src=x onerror=alert(1)> ${jndi:ldap://x/a} %_\\";
        try (ApiServer api = ApiServer.start(store)) {
            Reply created = api.post("/api/v1/subscribers", "{\"id\": \"s1\", \"username\": \"alice\", "
                    + "\"password\": \"password-1\", \"notes\": " + quote(notes) + "}");

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.body()).doesNotContain("<img");
            assertThat(created.json().get("notes").asText()).isEqualTo(notes);
            assertThat(subscribers(store).get("s1").notes()).isEqualTo(notes);
        }
    }

    @EachDatabase
    void resellers_credits_and_the_ledger(TestStore store) throws Exception {
        try (ApiServer api = ApiServer.start(store)) {
            Reply created = api.post("/api/v1/resellers", "{\"id\": \"r1\", \"name\": \"Reseller One\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().get("credits").asLong()).isZero();
            Reply smuggled = api.post("/api/v1/resellers", "{\"id\": \"r2\", \"name\": \"R\", \"credits\": 1000000}");
            assertProblem(smuggled, ProblemType.UNKNOWN_FIELD, "/api/v1/resellers");

            Reply added = api.post("/api/v1/resellers/r1/credits", "{\"amount\": 10, \"reason\": \"top-up\"}");
            assertThat(added.status()).as(added.toString()).isEqualTo(200);
            assertThat(added.json().get("balanceAfter").asLong()).isEqualTo(10);

            List<Reply> spends = race(4, i -> api.post("/api/v1/resellers/r1/debits",
                    "{\"amount\": 4, \"reason\": \"subscription " + i + "\"}"));
            assertThat(spends).extracting(Reply::status).containsExactlyInAnyOrder(200, 200, 400, 400);
            Reply refused = spends.stream().filter(r -> r.status() == 400).findFirst().orElseThrow();
            assertThat(refused.problem()).isEqualTo("validation-failed");
            assertThat(refused.json().get("detail").asText()).contains("r1").contains("2");
            assertThat(api.get("/api/v1/resellers/r1").json().get("credits").asLong()).isEqualTo(2);

            Reply ledger = api.get("/api/v1/resellers/r1/movements?size=2");
            assertThat(ledger.header("X-Total-Count")).isEqualTo("3");
            assertThat(ledger.json().get("items").get(0).get("balanceAfter").asLong()).isEqualTo(2);
            assertThat(fields(api.post("/api/v1/resellers/r1/credits", "{\"amount\": 0, \"reason\": \"x\"}")))
                    .containsExactly("amount");
            assertThat(fields(api.post("/api/v1/resellers/r1/credits", "{\"amount\": 5}"))).containsExactly("reason");
            assertProblem(api.post("/api/v1/resellers/none/credits", "{\"amount\": 5, \"reason\": \"x\"}"),
                    ProblemType.NOT_FOUND, "/api/v1/resellers/none/credits");

            long version = api.get("/api/v1/resellers/r1").json().get("version").asLong();
            Reply stale = api.put("/api/v1/resellers/r1", "{\"name\": \"Renamed\", \"version\": 1}");
            assertProblem(stale, ProblemType.CONCURRENT_UPDATE, "/api/v1/resellers/r1");
            Reply renamed = api.put("/api/v1/resellers/r1", "{\"name\": \"Renamed\"}", "If-Match", "\"" + version + "\"");
            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
            assertThat(renamed.json().get("credits").asLong()).isEqualTo(2);

            api.post("/api/v1/subscribers", "{\"id\": \"s1\", \"username\": \"alice\", \"password\": \"password-1\", "
                    + "\"resellerId\": \"r1\"}");
            assertProblem(api.delete("/api/v1/resellers/r1"), ProblemType.REFERENCE_IN_USE, "/api/v1/resellers/r1");
            assertThat(ids(api.get("/api/v1/resellers"))).containsExactly("r1");
        }
    }

    @EachDatabase
    void devices_belong_to_subscribers(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            api.post("/api/v1/subscribers", "{\"id\": \"s1\", \"username\": \"alice\", \"password\": \"password-1\"}");

            Reply stb = api.post("/api/v1/devices", "{\"id\": \"box1\", \"subscriberId\": \"s1\", \"kind\": \"STB\", "
                    + "\"mac\": \"00-1a-79-aa-bb-cc\", \"model\": \"MAG 524\"}");
            assertThat(stb.status()).as(stb.toString()).isEqualTo(201);
            assertThat(stb.json().get("mac").asText()).isEqualTo("00:1A:79:AA:BB:CC");
            assertThat(stb.json().get("lastSeen").isNull()).isTrue();
            Reply app = api.post("/api/v1/devices", "{\"id\": \"app1\", \"subscriberId\": \"s1\", \"kind\": \"APP\", "
                    + "\"serial\": \"SN-1\"}");
            assertThat(app.status()).isEqualTo(201);

            Reply sameMac = api.post("/api/v1/devices", "{\"id\": \"box2\", \"subscriberId\": \"s1\", \"kind\": \"STB\", "
                    + "\"mac\": \"001A79AABBCC\"}");
            assertProblem(sameMac, ProblemType.DUPLICATE_KEY, "/api/v1/devices");
            assertThat(fields(sameMac)).containsExactly("mac");
            Reply badMac = api.post("/api/v1/devices", "{\"id\": \"box3\", \"subscriberId\": \"s1\", \"kind\": \"STB\", "
                    + "\"mac\": \"ff:ff:ff:ff:ff:ff\"}");
            assertThat(fields(badMac)).containsExactly("mac");
            Reply orphan = api.post("/api/v1/devices", "{\"id\": \"box4\", \"subscriberId\": \"nobody\", \"kind\": \"APP\", "
                    + "\"serial\": \"x\"}");
            assertProblem(orphan, ProblemType.UNKNOWN_REFERENCE, "/api/v1/devices");
            assertThat(fields(orphan)).containsExactly("subscriberId");

            assertThat(ids(api.get("/api/v1/subscribers/s1/devices"))).containsExactly("app1", "box1");
            assertProblem(api.get("/api/v1/subscribers/none/devices"), ProblemType.NOT_FOUND,
                    "/api/v1/subscribers/none/devices");

            Reply replaced = api.put("/api/v1/devices/box1", "{\"subscriberId\": \"s1\", \"kind\": \"STB\", "
                    + "\"mac\": \"00:1A:79:AA:BB:CC\", \"firmwareVersion\": \"2.20\"}", "If-Match", stb.header("ETag"));
            assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
            assertThat(replaced.json().get("firmwareVersion").asText()).isEqualTo("2.20");
            assertThat(replaced.json().get("model").isNull()).isTrue();

            assertThat(api.delete("/api/v1/subscribers/s1").status()).isEqualTo(204);
            assertProblem(api.get("/api/v1/devices/box1"), ProblemType.NOT_FOUND, "/api/v1/devices/box1");
        }
    }
}
