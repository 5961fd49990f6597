package headwater.api;

import static headwater.api.ChannelApiTest.fields;
import static headwater.api.ChannelApiTest.race;
import static headwater.api.ProblemApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.ApiServer.Reply;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.Package;
import headwater.domain.subscriber.Device;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.subscriber.JdbiDeviceRepository;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.util.List;

/**
 * Packages, plans and devices carry the store's version as their ETag, like channels: of two updates based on the
 * same version one wins, and a write from outside this server (the CLI) between a read and an update is caught.
 */
class VersionedResourcesApiTest {

    private static final PasswordHash HASH = new PasswordHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");
    private static final String PLAN = """
            {"name": "Gold %s", "price": {"minorUnits": 999, "currency": "EUR"}, "period": {"length": 1, "unit": "MONTHS"}}""";

    @EachDatabase
    void of_two_package_updates_on_the_same_version_one_wins_and_one_gets_409(TestStore store) throws Exception {
        store.packages().create(Package.of("basic", "Basic"));
        try (ApiServer api = ApiServer.start(store)) {
            List<Reply> replies = race(2, i -> api.put("/api/v1/packages/basic",
                    "{\"name\": \"Writer " + i + "\", \"version\": 1}"));

            assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 409);
            Reply loser = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(loser.json().get("detail").asText()).isEqualTo("package basic was changed concurrently: the "
                    + "update expected version 1, the stored version is 2; read it again and reapply the change");
            assertThat(fields(loser)).containsExactly("version");
            Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
            assertThat(winner.header("ETag")).isEqualTo("\"2\"");
            assertThat(winner.json().get("version").asLong()).isEqualTo(2);
            assertThat(store.packages().get("basic").name()).isEqualTo(winner.json().get("name").asText());
        }
    }

    @EachDatabase
    void of_two_plan_updates_with_the_same_if_match_one_wins_and_one_gets_412(TestStore store) throws Exception {
        var plans = new JdbiPlanRepository(store.database());
        plans.create(Plan.of("gold", "Gold", Money.of(999, "EUR")));
        try (ApiServer api = ApiServer.start(store)) {
            String etag = api.get("/api/v1/plans/gold").header("ETag");
            assertThat(etag).isEqualTo("\"1\"");

            List<Reply> replies = race(2, i -> api.put("/api/v1/plans/gold", PLAN.formatted(i), "If-Match", etag));

            assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 412);
            Reply loser = replies.stream().filter(r -> r.status() == 412).findFirst().orElseThrow();
            assertThat(fields(loser)).containsExactly("If-Match");
            Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
            assertThat(plans.get("gold").name()).isEqualTo(winner.json().get("name").asText());
            assertThat(plans.get("gold").version()).isEqualTo(2);
        }
    }

    @EachDatabase
    void of_two_device_updates_on_the_same_version_one_wins_and_one_gets_409(TestStore store) throws Exception {
        new JdbiSubscriberRepository(store.database(), TestStore.CLOCK).create(
                SubscriberDraft.of("s1", "alice", HASH));
        var devices = new JdbiDeviceRepository(store.database());
        devices.create(Device.app("app1", "s1", "SN-1"));
        try (ApiServer api = ApiServer.start(store)) {
            List<Reply> replies = race(2, i -> api.put("/api/v1/devices/app1", "{\"subscriberId\": \"s1\", "
                    + "\"kind\": \"APP\", \"serial\": \"SN-1\", \"firmwareVersion\": \"" + i + ".0\", \"version\": 1}"));

            assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 409);
            Reply winner = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
            assertThat(devices.get("app1").firmwareVersion()).isEqualTo(winner.json().get("firmwareVersion").asText());
            assertThat(devices.get("app1").version()).isEqualTo(2);
        }
    }

    @EachDatabase
    void a_cli_change_between_read_and_update_is_not_lost(TestStore store) {
        store.channels().create(ChannelDraft.of("news", 1, "News"));
        store.channels().create(ChannelDraft.of("sport", 2, "Sport"));
        store.packages().create(Package.of("basic", "Basic", "news"));
        try (ApiServer api = ApiServer.start(store)) {
            String etag = api.get("/api/v1/packages/basic").header("ETag");

            // What `headwater package add-channel basic sport` does, from another process, in the meantime.
            store.packages().addChannels("basic", List.of("sport"));
            Reply stale = api.put("/api/v1/packages/basic", "{\"name\": \"Basic\", \"channelIds\": [\"news\"]}",
                    "If-Match", etag);

            assertProblem(stale, ProblemType.PRECONDITION_FAILED, "/api/v1/packages/basic");
            assertThat(store.packages().get("basic").channelIds()).containsExactly("news", "sport");
        }
    }

    @EachDatabase
    void versions_are_the_servers_on_create_and_required_on_update(TestStore store) {
        store.packages().create(Package.of("basic", "Basic"));
        try (ApiServer api = ApiServer.start(store)) {
            Reply versionOnCreate = api.post("/api/v1/packages", "{\"id\": \"extra\", \"name\": \"Extra\", \"version\": 3}");
            assertProblem(versionOnCreate, ProblemType.VALIDATION_FAILED, "/api/v1/packages");
            assertThat(fields(versionOnCreate)).containsExactly("version");

            for (String path : List.of("/api/v1/packages/basic", "/api/v1/plans/gold", "/api/v1/devices/box")) {
                Reply unconditional = api.put(path, "{\"id\": \"" + path.substring(path.lastIndexOf('/') + 1) + "\"}");
                assertProblem(unconditional, ProblemType.PRECONDITION_REQUIRED, path);
                assertThat(fields(unconditional)).containsExactly("version");
            }
            Reply disagreeing = api.put("/api/v1/packages/basic", "{\"name\": \"X\", \"version\": 1}", "If-Match", "\"2\"");
            assertProblem(disagreeing, ProblemType.VALIDATION_FAILED, "/api/v1/packages/basic");
            assertThat(store.packages().get("basic").version()).isEqualTo(1);
        }
    }
}
