package headwater.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import headwater.security.totp.TotpKey;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code /api/v1/accounts} over HTTP against a real store, with real web sessions: admins make accounts that must
 * enrol TOTP at their first login, support may read them but change nothing, every change needs a recent second
 * factor, the last active admin stays, disabling an account ends its sessions, and a reseller's session reaches only
 * its own subscribers.
 */
class AccountApiTest {

    private static final String SUPPORT_PASSWORD = "support staff passphrase";
    private static final String SUPPORT = "{\"username\": \"helpdesk\", \"role\": \"SUPPORT\", \"password\": \""
            + SUPPORT_PASSWORD + "\"}";

    @EachDatabase
    void an_admin_makes_a_support_account_that_enrols_totp_then_may_read_but_not_change_accounts(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser admin = adminSession(server);
            HttpResponse<String> created = admin.post("/api/v1/accounts", SUPPORT);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode account = Browser.json(created);
            assertThat(account.path("role").asText()).isEqualTo("SUPPORT");
            assertThat(account.path("totpEnrolled").asBoolean()).isFalse();
            assertThat(created.body()).doesNotContain(SUPPORT_PASSWORD).doesNotContain("argon2");

            HttpResponse<String> listed = admin.get("/api/v1/accounts");
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(Browser.json(listed).path("items")).extracting(item -> item.path("username").asText())
                    .containsExactly("helpdesk", WebLoginServer.ADMIN);
            assertThat(listed.body()).doesNotContain("argon2").doesNotContain("passwordHash").doesNotContain("seed");

            Browser support = server.browser("198.51.100.41");
            assertThat(support.login("helpdesk", SUPPORT_PASSWORD, null).statusCode()).isEqualTo(200);
            assertThat(support.get("/api/v1/subscribers").statusCode()).as("TOTP enrolment first").isEqualTo(403);
            TotpKey key = TotpKey.ofBase32(Browser.json(support.post("/api/v1/auth/totp/enrol", "{}"))
                    .path("manualKey").asText());
            assertThat(support.post("/api/v1/auth/totp/confirm", "{\"code\":\"" + server.code(key) + "\"}")
                    .statusCode()).isEqualTo(200);

            assertThat(support.get("/api/v1/subscribers").statusCode()).isEqualTo(200);
            HttpResponse<String> supportList = support.get("/api/v1/accounts");
            assertThat(supportList.statusCode()).as("accounts are for admins only").isEqualTo(403);
            assertThat(support.post("/api/v1/accounts", SUPPORT.replace("helpdesk", "other")).statusCode())
                    .isEqualTo(403);
            assertThat(support.put("/api/v1/accounts/" + account.path("id").asText() + "/role",
                    "{\"role\": \"ADMIN\"}").statusCode()).as("no promoting oneself").isEqualTo(403);
        }
    }

    @EachDatabase
    void changes_need_a_recent_second_factor_and_bodies_set_only_their_own_fields(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser admin = adminSession(server);
            String id = Browser.json(admin.post("/api/v1/accounts", SUPPORT)).path("id").asText();

            HttpResponse<String> smuggled = admin.post("/api/v1/accounts",
                    "{\"username\": \"x\", \"role\": \"SUPPORT\", \"password\": \"" + SUPPORT_PASSWORD
                            + "\", \"status\": \"ACTIVE\", \"totpSeed\": \"AAAA\"}");
            assertThat(smuggled.statusCode()).isEqualTo(400);
            assertThat(Browser.json(smuggled).path("type").asText()).isEqualTo("urn:headwater:problem:unknown-field");
            HttpResponse<String> weak = admin.post("/api/v1/accounts",
                    "{\"username\": \"weak\", \"role\": \"SUPPORT\", \"password\": \"short\"}");
            assertThat(weak.statusCode()).isEqualTo(400);
            assertThat(Browser.json(weak).path("type").asText()).isEqualTo("urn:headwater:problem:validation-failed");
            HttpResponse<String> resellerless = admin.post("/api/v1/accounts",
                    "{\"username\": \"r\", \"role\": \"RESELLER\", \"password\": \"" + SUPPORT_PASSWORD + "\"}");
            assertThat(resellerless.statusCode()).isEqualTo(400);
            HttpResponse<String> unknownReseller = admin.post("/api/v1/accounts", "{\"username\": \"r\", "
                    + "\"role\": \"RESELLER\", \"resellerId\": \"nobody\", \"password\": \"" + SUPPORT_PASSWORD + "\"}");
            assertThat(unknownReseller.statusCode()).isEqualTo(422);

            server.clock.advance(Duration.ofMinutes(6));
            for (HttpResponse<String> refused : java.util.List.of(
                    admin.put("/api/v1/accounts/" + id + "/role", "{\"role\": \"ADMIN\"}"),
                    admin.put("/api/v1/accounts/" + id + "/status", "{\"status\": \"DISABLED\"}"),
                    admin.put("/api/v1/accounts/" + id + "/password", "{\"password\": \"a brand new passphrase\"}"))) {
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
                assertThat(Browser.json(refused).path("type").asText())
                        .isEqualTo("urn:headwater:problem:step-up-required");
            }
            assertThat(server.accounts.find(id).orElseThrow().role().name()).isEqualTo("SUPPORT");

            server.nextStep();
            assertThat(admin.post("/api/v1/auth/step-up", "{\"code\":\"" + server.code() + "\"}").statusCode())
                    .isEqualTo(200);
            HttpResponse<String> promoted = admin.put("/api/v1/accounts/" + id + "/role", "{\"role\": \"ADMIN\"}");
            assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
            assertThat(Browser.json(promoted).path("role").asText()).isEqualTo("ADMIN");
            assertThat(admin.put("/api/v1/accounts/" + id + "/role", "{\"role\": \"SUPPORT\", \"id\": \"x\"}")
                    .statusCode()).isEqualTo(400);
        }
    }

    @EachDatabase
    void the_last_active_admin_is_neither_demoted_nor_disabled_and_disabling_ends_sessions(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser admin = adminSession(server);
            String self = server.admin().id();
            for (HttpResponse<String> refused : java.util.List.of(
                    admin.put("/api/v1/accounts/" + self + "/role", "{\"role\": \"SUPPORT\"}"),
                    admin.put("/api/v1/accounts/" + self + "/status", "{\"status\": \"DISABLED\"}"))) {
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
                assertThat(Browser.json(refused).path("type").asText()).isEqualTo("urn:headwater:problem:last-admin");
                assertThat(Browser.json(refused).path("detail").asText()).contains("last active ADMIN");
            }

            String id = Browser.json(admin.post("/api/v1/accounts", SUPPORT)).path("id").asText();
            Browser support = server.browser("198.51.100.42");
            assertThat(support.login("helpdesk", SUPPORT_PASSWORD, null).statusCode()).isEqualTo(200);
            assertThat(support.get("/api/v1/auth/me").statusCode()).isEqualTo(200);
            HttpResponse<String> disabled = admin.put("/api/v1/accounts/" + id + "/status",
                    "{\"status\": \"DISABLED\"}");
            assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
            assertThat(Browser.json(disabled).path("status").asText()).isEqualTo("DISABLED");
            assertThat(support.get("/api/v1/auth/me").statusCode()).as("its session ended").isEqualTo(401);
            assertThat(server.browser("198.51.100.43").login("helpdesk", SUPPORT_PASSWORD, null).statusCode())
                    .isEqualTo(401);
            assertThat(admin.put("/api/v1/accounts/" + id + "/status", "{\"status\": \"ACTIVE\"}").statusCode())
                    .isEqualTo(200);
            assertThat(server.browser("198.51.100.44").login("helpdesk", SUPPORT_PASSWORD, null).statusCode())
                    .isEqualTo(200);
        }
    }

    @EachDatabase
    void a_reseller_account_sees_only_its_own_reseller_s_subscribers(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser admin = adminSession(server);
            assertThat(admin.post("/api/v1/resellers", "{\"id\": \"r1\", \"name\": \"Reseller One\"}").statusCode())
                    .isEqualTo(201);
            HttpResponse<String> created = admin.post("/api/v1/accounts", "{\"username\": \"shop\", "
                    + "\"role\": \"RESELLER\", \"resellerId\": \"r1\", \"password\": \"" + SUPPORT_PASSWORD + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(Browser.json(created).path("resellerId").asText()).isEqualTo("r1");

            Browser reseller = server.browser("198.51.100.45");
            assertThat(reseller.login("shop", SUPPORT_PASSWORD, null).statusCode()).isEqualTo(200);
            TotpKey key = TotpKey.ofBase32(Browser.json(reseller.post("/api/v1/auth/totp/enrol", "{}"))
                    .path("manualKey").asText());
            assertThat(reseller.post("/api/v1/auth/totp/confirm", "{\"code\":\"" + server.code(key) + "\"}")
                    .statusCode()).isEqualTo(200);
            assertThat(reseller.get("/api/v1/subscribers/sub-1").statusCode())
                    .as("the operator's subscriber is not the reseller's").isEqualTo(404);
            assertThat(Browser.json(reseller.get("/api/v1/subscribers")).path("items")).isEmpty();
            assertThat(reseller.get("/api/v1/accounts").statusCode()).isEqualTo(403);
        }
    }

    private static Browser adminSession(WebLoginServer server) {
        Browser admin = server.browser("198.51.100.40");
        assertThat(admin.login(WebLoginServer.ADMIN, WebLoginServer.ADMIN_PASSWORD, server.code()).statusCode())
                .isEqualTo(200);
        return admin;
    }
}
