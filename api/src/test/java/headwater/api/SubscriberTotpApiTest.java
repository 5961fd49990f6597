package headwater.api;

import static headwater.api.WebLoginServer.SUBSCRIBER;
import static headwater.api.WebLoginServer.SUBSCRIBER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import headwater.domain.audit.AuditEvent;
import headwater.security.totp.Totp;
import headwater.security.totp.TotpKey;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A subscriber's optional TOTP over HTTP: enrolment from the portal session, then a portal login that needs a current
 * unused code (drift of one step either way allowed), refused like a wrong password otherwise; disabling needs the
 * password and a code; a subscriber who never enrolled keeps logging in with the password alone.
 */
class SubscriberTotpApiTest {

    private static final String ENROL = "/api/v1/portal/totp/enrol";
    private static final String CONFIRM = "/api/v1/portal/totp/confirm";
    private static final String DISABLE = "/api/v1/portal/totp/disable";
    private static final String OPERATOR_TOTP = "/api/v1/subscribers/sub-1/totp";

    @EachDatabase
    void an_enrolled_subscriber_needs_a_current_unused_code_to_log_in(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            TotpKey key = enrol(server, server.browser("198.51.100.7"));
            server.nextStep();
            HttpResponse<String> passwordOnly = server.browser("198.51.100.8").portalLogin(SUBSCRIBER,
                    SUBSCRIBER_PASSWORD);
            HttpResponse<String> wrongPassword = server.browser("198.51.100.8").portalLogin(SUBSCRIBER, "not it",
                    server.code(key));

            assertThat(passwordOnly.statusCode()).isEqualTo(401);
            assertThat(passwordOnly.body()).isEqualTo(wrongPassword.body());
            assertThat(server.browser("198.51.100.8").portalLogin(SUBSCRIBER, SUBSCRIBER_PASSWORD, "000000").body())
                    .isEqualTo(wrongPassword.body());

            Browser phone = server.browser("198.51.100.9");
            HttpResponse<String> login = phone.portalLogin(SUBSCRIBER, SUBSCRIBER_PASSWORD, server.code(key));
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(Browser.json(login).path("secondFactor").asBoolean()).isTrue();
            assertThat(Browser.json(phone.get("/api/v1/auth/me")).path("subscriberId").asText()).isEqualTo("sub-1");

            HttpResponse<String> replayed = server.browser("198.51.100.10").portalLogin(SUBSCRIBER,
                    SUBSCRIBER_PASSWORD, server.code(key));
            assertThat(replayed.statusCode()).isEqualTo(401);
            assertThat(replayed.body()).isEqualTo(wrongPassword.body());
        }
    }

    @EachDatabase
    void wrong_codes_are_throttled_like_wrong_passwords(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            TotpKey key = enrol(server, server.browser("198.51.100.7"));
            server.nextStep();
            Browser guesser = server.browser("203.0.113.5");
            for (int i = 0; i < 6; i++) {
                assertThat(guesser.portalLogin(SUBSCRIBER, SUBSCRIBER_PASSWORD, "00000" + i).statusCode())
                        .isEqualTo(401);
            }

            HttpResponse<String> right = guesser.portalLogin(SUBSCRIBER, SUBSCRIBER_PASSWORD, server.code(key));

            assertThat(right.statusCode()).isEqualTo(429);
            assertThat(right.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @EachDatabase
    void a_code_one_step_early_or_late_is_accepted_two_are_not(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            TotpKey key = enrol(server, server.browser("198.51.100.7"));
            server.nextStep();
            server.nextStep();
            long now = Totp.step(server.clock.instant());

            assertThat(login(server, Totp.code(key, now - 2)).statusCode()).isEqualTo(401);
            assertThat(login(server, Totp.code(key, now - 1)).statusCode()).isEqualTo(200);
            assertThat(login(server, Totp.code(key, now + 2)).statusCode()).isEqualTo(401);
            assertThat(login(server, Totp.code(key, now + 1)).statusCode()).isEqualTo(200);
            // the step after the last used one only: the current step is now behind it
            assertThat(login(server, Totp.code(key, now)).statusCode()).isEqualTo(401);
        }
    }

    @EachDatabase
    void disabling_needs_the_password_and_a_code_and_brings_back_the_password_only_login(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser browser = server.browser("198.51.100.7");
            TotpKey key = enrol(server, browser);
            server.nextStep();

            assertThat(browser.post(DISABLE, WebLoginServer.json(Map.of("password", "not it",
                    "code", server.code(key)))).statusCode()).isEqualTo(403);
            server.nextStep();
            assertThat(browser.post(DISABLE, WebLoginServer.json(Map.of("password", SUBSCRIBER_PASSWORD,
                    "code", "000000"))).statusCode()).isEqualTo(403);
            assertThat(browser.post(DISABLE, WebLoginServer.json(Map.of("password", SUBSCRIBER_PASSWORD,
                    "code", server.code(key))), false).statusCode()).isEqualTo(403);
            assertThat(server.browser("198.51.100.8").portalLogin(SUBSCRIBER, SUBSCRIBER_PASSWORD).statusCode())
                    .isEqualTo(401);

            assertThat(browser.post(DISABLE, WebLoginServer.json(Map.of("password", SUBSCRIBER_PASSWORD,
                    "code", server.code(key)))).statusCode()).isEqualTo(204);

            assertThat(server.browser("198.51.100.8").portalLogin(SUBSCRIBER, SUBSCRIBER_PASSWORD).statusCode())
                    .isEqualTo(200);
            assertThat(server.audit).extracting(AuditEvent::action).contains("totp.enrol", "totp.confirm",
                    "totp.disable");
        }
    }

    @EachDatabase
    void a_subscriber_without_totp_logs_in_with_the_password_and_a_pending_key_changes_nothing(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser browser = server.browser("198.51.100.7");
            assertThat(browser.portalLogin(SUBSCRIBER, SUBSCRIBER_PASSWORD).statusCode()).isEqualTo(200);
            assertThat(Browser.json(browser.get("/api/v1/portal/totp")).path("enrolled").asBoolean()).isFalse();
            assertThat(Browser.json(browser.post(ENROL, "{}")).path("otpauthUri").asText()).startsWith("otpauth://");
            JsonNode status = Browser.json(browser.get("/api/v1/portal/totp"));
            assertThat(status.path("enrolled").asBoolean()).isFalse();
            assertThat(status.path("pending").asBoolean()).isTrue();

            HttpResponse<String> login = server.browser("198.51.100.8").portalLogin(SUBSCRIBER, SUBSCRIBER_PASSWORD);

            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(Browser.json(login).path("secondFactor").asBoolean()).isFalse();
        }
    }

    @EachDatabase
    void only_a_subscriber_session_with_its_csrf_token_reaches_the_portal_totp_routes(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser admin = server.browser("198.51.100.7");
            admin.login(WebLoginServer.ADMIN, WebLoginServer.ADMIN_PASSWORD, server.code());
            Browser subscriber = server.browser("198.51.100.8");
            subscriber.portalLogin(SUBSCRIBER, SUBSCRIBER_PASSWORD);

            assertThat(admin.post(ENROL, "{}").statusCode()).isEqualTo(403);
            assertThat(subscriber.post(ENROL, "{}", false).statusCode()).isEqualTo(403);
            assertThat(server.browser("198.51.100.9").post(ENROL, "{}").statusCode()).isIn(401, 403);
        }
    }

    @EachDatabase
    void an_operator_resets_the_totp_of_a_subscriber_who_lost_the_authenticator(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            enrol(server, server.browser("198.51.100.7"));
            server.nextStep();
            assertThat(server.browser("198.51.100.8").portalLogin(SUBSCRIBER, SUBSCRIBER_PASSWORD).statusCode())
                    .as("enrolled: the password alone is not enough").isEqualTo(401);
            Browser desk = server.browser("198.51.100.20");
            assertThat(desk.login(WebLoginServer.ADMIN, WebLoginServer.ADMIN_PASSWORD, server.code()).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> before = desk.get(OPERATOR_TOTP);
            assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
            assertThat(Browser.json(before).path("enrolled").asBoolean()).isTrue();

            HttpResponse<String> reset = desk.delete(OPERATOR_TOTP);

            assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
            JsonNode after = Browser.json(desk.get(OPERATOR_TOTP));
            assertThat(after.path("enrolled").asBoolean()).isFalse();
            assertThat(after.path("pending").asBoolean()).isFalse();
            assertThat(desk.delete(OPERATOR_TOTP).statusCode()).as("nothing left to reset").isEqualTo(404);
            assertThat(desk.get("/api/v1/subscribers/nobody/totp").statusCode()).isEqualTo(404);
            HttpResponse<String> login = server.browser("198.51.100.8").portalLogin(SUBSCRIBER, SUBSCRIBER_PASSWORD);
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(Browser.json(login).path("secondFactor").asBoolean()).isFalse();
            server.nextStep();
            enrol(server, server.browser("198.51.100.9")); // the subscriber can enrol a new authenticator
        }
    }

    @EachDatabase
    void resetting_a_subscribers_totp_needs_a_recent_second_factor_and_changes_nothing_without_it(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            enrol(server, server.browser("198.51.100.7"));
            Browser desk = server.browser("198.51.100.20");
            assertThat(desk.login(WebLoginServer.ADMIN, WebLoginServer.ADMIN_PASSWORD, server.code()).statusCode())
                    .isEqualTo(200);
            server.clock.advance(Duration.ofMinutes(6));

            HttpResponse<String> refused = desk.delete(OPERATOR_TOTP);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(Browser.json(refused).path("type").asText())
                    .isEqualTo("urn:headwater:problem:step-up-required");
            assertThat(Browser.json(desk.get(OPERATOR_TOTP)).path("enrolled").asBoolean())
                    .as("reading is not sensitive, and the enrolment is still there").isTrue();
        }
    }

    /** Logs the subscriber in, enrols and confirms with the first code; returns the key. */
    private static TotpKey enrol(WebLoginServer server, Browser browser) {
        assertThat(browser.portalLogin(SUBSCRIBER, SUBSCRIBER_PASSWORD).statusCode()).isEqualTo(200);
        HttpResponse<String> enrol = browser.post(ENROL, "{}");
        assertThat(enrol.statusCode()).isEqualTo(200);
        JsonNode shown = Browser.json(enrol);
        assertThat(shown.path("otpauthUri").asText()).startsWith("otpauth://totp/").contains(SUBSCRIBER);
        assertThat(shown.path("qrSvg").asText()).startsWith("<svg");
        TotpKey key = TotpKey.ofBase32(shown.path("manualKey").asText());
        assertThat(browser.post(CONFIRM, WebLoginServer.json(Map.of("code", "000000"))).statusCode())
                .isEqualTo(403);
        assertThat(browser.post(CONFIRM, WebLoginServer.json(Map.of("code", server.code(key)))).statusCode())
                .isEqualTo(204);
        assertThat(browser.post(ENROL, "{}").statusCode()).isEqualTo(409);
        assertThat(Browser.json(browser.get("/api/v1/portal/totp")).path("enrolled").asBoolean()).isTrue();
        return key;
    }

    private static HttpResponse<String> login(WebLoginServer server, String code) {
        return server.browser("198.51.100.8").portalLogin(SUBSCRIBER, SUBSCRIBER_PASSWORD, code);
    }
}
