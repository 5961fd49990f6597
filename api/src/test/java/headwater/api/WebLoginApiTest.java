package headwater.api;

import static headwater.api.WebLoginServer.ADMIN;
import static headwater.api.WebLoginServer.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import headwater.api.identity.AccountSetup;
import headwater.api.auth.Principal;
import headwater.api.auth.StepUp;
import headwater.domain.audit.AuditEvent;
import headwater.domain.identity.Account;
import headwater.security.password.Argon2Parameters;
import headwater.security.password.Argon2idHasher;
import headwater.security.totp.TotpKey;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Logging in over HTTP with a password and TOTP, and what a logged-in browser may then do to its own account. */
class WebLoginApiTest {

    @EachDatabase
    void a_login_with_password_and_totp_opens_a_full_session(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser browser = server.browser("198.51.100.7");

            HttpResponse<String> login = browser.login(ADMIN, ADMIN_PASSWORD, server.code());

            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(Browser.json(login).path("secondFactor").asBoolean()).isTrue();
            JsonNode me = Browser.json(browser.get("/api/v1/auth/me"));
            assertThat(me.path("username").asText()).isEqualTo(ADMIN);
            assertThat(me.path("role").asText()).isEqualTo("ADMIN");
            assertThat(me.path("enrolmentRequired").asBoolean()).isFalse();
            assertThat(me.path("csrfToken").asText()).isEqualTo(browser.csrf);
            assertThat(Instant.parse(me.path("secondFactorAt").asText())).isEqualTo(server.clock.instant());
            assertThat(browser.get("/api/v1/channels").statusCode()).isEqualTo(200);
            assertThat(server.audit).extracting(AuditEvent::action).contains("login");
        }
    }

    @EachDatabase
    void an_operator_without_totp_may_only_enrol_until_the_first_code_confirms_it(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            server.setup().createAdmin("second", "another long passphrase", false);
            Browser browser = server.browser("198.51.100.7");

            HttpResponse<String> login = browser.login("second", "another long passphrase", null);
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(Browser.json(login).path("secondFactor").asBoolean()).isFalse();
            assertThat(Browser.json(browser.get("/api/v1/auth/me")).path("enrolmentRequired").asBoolean()).isTrue();
            HttpResponse<String> refused = browser.get("/api/v1/channels");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(Browser.json(refused).path("type").asText())
                    .isEqualTo("urn:headwater:problem:totp-enrolment-required");

            JsonNode enrolment = Browser.json(browser.post("/api/v1/auth/totp/enrol", "{}"));
            assertThat(enrolment.path("otpauthUri").asText()).startsWith("otpauth://totp/Headwater:second?secret=");
            assertThat(enrolment.path("qrSvg").asText()).startsWith("<svg");
            TotpKey key = TotpKey.ofBase32(enrolment.path("manualKey").asText());
            assertThat(browser.post("/api/v1/auth/totp/confirm", "{\"code\":\"000000\"}").statusCode())
                    .isIn(403, 200);
            HttpResponse<String> confirmed = browser.post("/api/v1/auth/totp/confirm",
                    "{\"code\":\"" + server.code(key) + "\"}");

            assertThat(confirmed.statusCode()).isEqualTo(200);
            assertThat(Browser.json(confirmed).path("recoveryCodes")).hasSize(10);
            assertThat(browser.get("/api/v1/channels").statusCode()).isEqualTo(200);
            assertThat(server.audit).extracting(AuditEvent::action).contains("totp.enrol", "totp.confirm");
        }
    }

    @EachDatabase
    void a_password_change_ends_every_session_of_the_account(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser first = server.browser("198.51.100.7");
            Browser second = server.browser("198.51.100.8");
            first.login(ADMIN, ADMIN_PASSWORD, server.code());
            server.nextStep();
            second.login(ADMIN, ADMIN_PASSWORD, server.code());

            HttpResponse<String> weak = first.post("/api/v1/auth/password",
                    "{\"currentPassword\":\"" + ADMIN_PASSWORD + "\",\"newPassword\":\"password1234\"}");
            assertThat(weak.statusCode()).isEqualTo(400);
            assertThat(Browser.json(weak).path("detail").asText()).contains("common and breached");
            HttpResponse<String> changed = first.post("/api/v1/auth/password",
                    "{\"currentPassword\":\"" + ADMIN_PASSWORD + "\",\"newPassword\":\"a brand new passphrase\"}");

            assertThat(changed.statusCode()).isEqualTo(204);
            assertThat(first.get("/api/v1/auth/me").statusCode()).isEqualTo(401);
            assertThat(second.get("/api/v1/auth/me").statusCode()).isEqualTo(401);
            server.nextStep();
            assertThat(first.login(ADMIN, ADMIN_PASSWORD, server.code()).statusCode()).isEqualTo(401);
            assertThat(first.login(ADMIN, "a brand new passphrase", server.code()).statusCode()).isEqualTo(200);
            assertThat(server.audit).extracting(AuditEvent::action).contains("password.change");
        }
    }

    @EachDatabase
    void step_up_renews_the_second_factor_for_sensitive_actions(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser browser = server.browser("198.51.100.7");
            browser.login(ADMIN, ADMIN_PASSWORD, server.code());
            Instant loggedIn = server.clock.instant();
            server.clock.advance(Duration.ofMinutes(6));
            Principal stale = principal(Browser.json(browser.get("/api/v1/auth/me")));
            assertThat(StepUp.recent(stale, server.clock.instant())).isFalse();
            assertThat(stale.secondFactorAt()).isEqualTo(loggedIn);

            HttpResponse<String> stepUp = browser.post("/api/v1/auth/step-up", "{\"code\":\"" + server.code() + "\"}");

            assertThat(stepUp.statusCode()).isEqualTo(200);
            Principal fresh = principal(Browser.json(browser.get("/api/v1/auth/me")));
            assertThat(StepUp.recent(fresh, server.clock.instant())).isTrue();
            assertThat(browser.post("/api/v1/auth/step-up", "{\"code\":\"" + server.code() + "\"}").statusCode())
                    .isEqualTo(403);
            assertThat(server.audit).extracting(AuditEvent::action).contains("step-up", "step-up.failed");
        }
    }

    @EachDatabase
    void a_browser_lists_its_sessions_and_ends_others(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser first = server.browser("198.51.100.7");
            Browser second = server.browser("198.51.100.8");
            Browser third = server.browser("198.51.100.9");
            first.login(ADMIN, ADMIN_PASSWORD, server.code());
            server.nextStep();
            second.login(ADMIN, ADMIN_PASSWORD, server.code());
            server.nextStep();
            third.login(ADMIN, ADMIN_PASSWORD, server.code());

            JsonNode sessions = Browser.json(first.get("/api/v1/auth/sessions")).path("items");
            assertThat(sessions).hasSize(3);
            String secondId = null;
            for (JsonNode session : sessions) {
                if (session.path("address").asText().equals("198.51.100.8")) {
                    secondId = session.path("id").asText();
                }
            }
            assertThat(first.delete("/api/v1/auth/sessions/" + secondId).statusCode()).isEqualTo(204);
            assertThat(second.get("/api/v1/auth/me").statusCode()).isEqualTo(401);
            assertThat(first.delete("/api/v1/auth/sessions/" + "f".repeat(64)).statusCode()).isEqualTo(404);
            assertThat(Browser.json(first.delete("/api/v1/auth/sessions")).path("ended").asInt()).isEqualTo(1);
            assertThat(third.get("/api/v1/auth/me").statusCode()).isEqualTo(401);
            assertThat(first.get("/api/v1/auth/me").statusCode()).isEqualTo(200);
        }
    }

    @EachDatabase
    void a_subscriber_logs_in_to_the_portal_and_reaches_nothing_of_the_operators(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser browser = server.browser("198.51.100.7");

            assertThat(browser.portalLogin(WebLoginServer.SUBSCRIBER, WebLoginServer.SUBSCRIBER_PASSWORD).statusCode())
                    .isEqualTo(200);

            JsonNode me = Browser.json(browser.get("/api/v1/auth/me"));
            assertThat(me.path("role").asText()).isEqualTo("SUBSCRIBER");
            assertThat(me.path("subscriberId").asText()).isEqualTo("sub-1");
            assertThat(browser.get("/api/v1/channels").statusCode()).isEqualTo(403);
            assertThat(browser.get("/api/v1/subscribers").statusCode()).isEqualTo(403);
            assertThat(browser.post("/api/v1/auth/totp/enrol", "{}").statusCode()).isEqualTo(403);
            assertThat(browser.login(WebLoginServer.SUBSCRIBER, WebLoginServer.SUBSCRIBER_PASSWORD, null).statusCode())
                    .isEqualTo(401);
        }
    }

    @EachDatabase
    void a_weaker_stored_hash_is_upgraded_at_login(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Argon2PasswordHasher weak = new Argon2PasswordHasher(new Argon2idHasher(
                    new Argon2Parameters(1024, 1, 1, 16, 32), new SecureRandom()));
            Account old = new AccountSetup(server.accounts, weak, server.clock)
                    .createAdmin("legacy", "an old but long passphrase", false).orElseThrow();
            TotpKey key = server.enrol(old);
            assertThat(server.accounts.find(old.id()).orElseThrow().passwordHash().phc()).contains("m=1024,t=1");

            assertThat(server.browser("198.51.100.7").login("legacy", "an old but long passphrase", server.code(key))
                    .statusCode()).isEqualTo(200);

            assertThat(server.accounts.find(old.id()).orElseThrow().passwordHash().phc()).contains("m=19456,t=2");
        }
    }

    @EachDatabase
    void totp_is_disabled_only_with_the_password_and_a_code(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser browser = server.browser("198.51.100.7");
            browser.login(ADMIN, ADMIN_PASSWORD, server.code());
            server.nextStep();

            assertThat(browser.post("/api/v1/auth/totp/disable", WebLoginServer.json(Map.of("password", "wrong one",
                    "code", server.code()))).statusCode()).isEqualTo(403);
            server.nextStep();
            assertThat(browser.post("/api/v1/auth/totp/disable", WebLoginServer.json(Map.of("password",
                    ADMIN_PASSWORD, "code", server.code()))).statusCode()).isEqualTo(204);

            assertThat(server.accounts.find(server.admin().id()).orElseThrow().totp()).isNull();
            assertThat(browser.get("/api/v1/channels").statusCode()).isEqualTo(403);
            assertThat(server.audit).extracting(AuditEvent::action).contains("totp.disable");
        }
    }

    private static Principal principal(JsonNode me) {
        return new Principal(Principal.Kind.WEB_SESSION, me.path("id").asText(), me.path("username").asText(),
                headwater.domain.identity.Role.valueOf(me.path("role").asText()), Set.of(), null, null,
                me.path("secondFactorAt").isNull() ? null : Instant.parse(me.path("secondFactorAt").asText()), "x");
    }
}
