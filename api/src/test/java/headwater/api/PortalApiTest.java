package headwater.api;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.identity.Role;
import headwater.domain.subscriber.Device;
import headwater.domain.subscriber.DeviceKind;
import headwater.domain.subscriber.OutputFormat;
import headwater.domain.subscriber.Owner;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.subscriber.SubscriberStatus;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.apitoken.JdbiApiTokenRepository;
import headwater.store.subscriber.JdbiDeviceRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subscriber portal: a subscriber logged in to its portal reads its own profile, devices, playlist tokens and
 * sessions, ends only its own sessions and changes its password with the current one; nothing else of the API is
 * reachable to it, and operators' callers cannot use the portal. Answers are JSON, never sniffed, markup escaped.
 */
class PortalApiTest {

    private static final String OTHER_PASSWORD = "someone else's password";

    private static void others(TestStore store) {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher();
        new JdbiSubscriberRepository(store.database(), TestStore.CLOCK).create(new SubscriberDraft("sub-2", "neighbour",
                hasher.hash(OTHER_PASSWORD.toCharArray()), SubscriberStatus.ACTIVE, null, 1,
                EnumSet.allOf(OutputFormat.class), List.of(), Set.of(), null, "<script>alert(1)</script>",
                Owner.OPERATOR));
        JdbiDeviceRepository devices = new JdbiDeviceRepository(store.database());
        devices.create(new Device("mine", "sub-1", DeviceKind.APP, null, "SN-1", null, null, null, 1));
        devices.create(new Device("theirs", "sub-2", DeviceKind.APP, null, "SN-2", null, null, null, 1));
    }

    @EachDatabase
    void a_subscriber_reads_only_its_own_data(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            others(store);
            Browser browser = server.browser("198.51.100.20");
            assertThat(browser.portalLogin(WebLoginServer.SUBSCRIBER, WebLoginServer.SUBSCRIBER_PASSWORD).statusCode())
                    .isEqualTo(200);

            HttpResponse<String> profile = browser.get("/api/v1/portal/profile");
            assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
            assertThat(profile.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(profile.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(Browser.json(profile).path("id").asText()).isEqualTo("sub-1");
            assertThat(profile.body()).doesNotContain("argon2", "password");
            HttpResponse<String> devices = browser.get("/api/v1/portal/devices");
            assertThat(Browser.json(devices).path("items").findValuesAsText("id")).containsExactly("mine");
            assertThat(Browser.json(browser.get("/api/v1/portal/playlist-tokens")).path("total").asLong()).isZero();
            assertThat(browser.get("/api/v1/portal/sessions").statusCode()).isEqualTo(200);
            assertThat(browser.delete("/api/v1/portal/sessions/someone-elses").statusCode()).isEqualTo(404);
        }
    }

    @EachDatabase
    void nothing_but_the_portal_is_reachable_to_a_subscriber(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            others(store);
            Browser browser = server.browser("198.51.100.21");
            browser.portalLogin(WebLoginServer.SUBSCRIBER, WebLoginServer.SUBSCRIBER_PASSWORD);
            for (String path : List.of("/api/v1/subscribers", "/api/v1/subscribers/sub-1", "/api/v1/subscribers/sub-2",
                    "/api/v1/subscribers/sub-1/devices", "/api/v1/subscribers/sub-1/playlist-tokens",
                    "/api/v1/devices/mine", "/api/v1/devices/theirs", "/api/v1/channels", "/api/v1/packages",
                    "/api/v1/plans", "/api/v1/resellers", "/api/v1/sessions", "/api/v1/token-keys",
                    "/api/v1/api-tokens", "/api/v1/audit")) {
                HttpResponse<String> reply = browser.get(path);
                assertThat(reply.statusCode()).as(path).isEqualTo(403);
                assertThat(reply.body()).as(path).doesNotContain("neighbour", "SN-2");
            }
            assertThat(browser.post("/api/v1/sessions", "{\"username\": \"neighbour\", \"channelId\": \"c\"}")
                    .statusCode()).isEqualTo(403);
            assertThat(browser.post("/api/v1/subscribers", "{\"id\": \"x\", \"username\": \"x\","
                    + " \"password\": \"xxxxxxxxxx\"}").statusCode()).isEqualTo(403);
            assertThat(browser.delete("/api/v1/devices/theirs").statusCode()).isEqualTo(403);
            assertThat(new JdbiDeviceRepository(store.database()).find("theirs")).isPresent();
        }
    }

    @EachDatabase
    void operators_callers_do_not_use_the_portal(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            String token = new ApiTokens(new JdbiApiTokenRepository(store.database()), server.clock)
                    .issue("ops", Role.ADMIN, Set.of(ApiScope.ADMIN), null, "test", null).secret();
            HttpResponse<String> reply = server.send(HttpRequest.newBuilder(server.uri("/api/v1/portal/profile"))
                    .header("Authorization", "Bearer " + token).build());
            assertThat(reply.statusCode()).isEqualTo(403);
        }
    }

    @EachDatabase
    void the_password_changes_only_with_the_current_one(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser browser = server.browser("198.51.100.22");
            browser.portalLogin(WebLoginServer.SUBSCRIBER, WebLoginServer.SUBSCRIBER_PASSWORD);
            HttpResponse<String> wrong = put(server, browser, "/api/v1/portal/password", WebLoginServer.json(Map.of(
                    "currentPassword", "a guess of the password", "newPassword", "my new long password")));
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("currentPassword").doesNotContain("a guess", "my new long");
            HttpResponse<String> right = put(server, browser, "/api/v1/portal/password", WebLoginServer.json(Map.of(
                    "currentPassword", WebLoginServer.SUBSCRIBER_PASSWORD, "newPassword", "my new long password")));
            assertThat(right.statusCode()).as(right.body()).isEqualTo(204);

            Browser again = server.browser("198.51.100.23");
            assertThat(again.portalLogin(WebLoginServer.SUBSCRIBER, "my new long password").statusCode())
                    .isEqualTo(200);
        }
    }

    private static HttpResponse<String> put(WebLoginServer server, Browser browser, String path, String json) {
        return server.send(browser.request(path).header("Content-Type", "application/json")
                .header("X-CSRF-Token", browser.csrf).PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
