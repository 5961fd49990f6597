package headwater.api;

import static headwater.api.WebLoginServer.ADMIN;
import static headwater.api.WebLoginServer.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import headwater.security.secret.BearerSecret;
import headwater.security.totp.Totp;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The attacks of issue 6's authentication and session groups, each with its safe outcome asserted: injection and
 * markup in credentials, brute force, credential stuffing, TOTP replay and drift, recovery-code reuse, session
 * fixation, reuse after logout, cookie flags, CSRF and role escalation through a subscriber's session.
 */
class LoginAttackTest {

    private static final String ATTACKER = "203.0.113.66";
    private static final String OWNER = "198.51.100.7";

    @EachDatabase
    void sql_and_markup_in_credentials_get_the_one_generic_refusal(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser attacker = server.browser(ATTACKER);
            List<String> bodies = new ArrayList<>();
            String[][] attempts = {
                    {"root' OR '1'='1", "' OR '1'='1"}, {"root'--", "x"}, {"root\"; DROP TABLE account; --", "x"},
                    {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>"}, {ADMIN, "' OR 1=1 --"},
                    {"nobody", "whatever it is"}, {ADMIN, "wrong password here"}, {"ROOT\r\nX-Injected: 1", "x"}};
            for (String[] attempt : attempts) {
                HttpResponse<String> reply = attacker.login(attempt[0], attempt[1], "123456");
                assertThat(reply.statusCode()).as(attempt[0]).isEqualTo(401);
                assertThat(reply.headers().allValues("Set-Cookie")).isEmpty();
                bodies.add(reply.body());
            }
            assertThat(bodies).containsOnly(bodies.getFirst());
            assertThat(bodies.getFirst()).doesNotContain("<script").doesNotContain("root");
            assertThat(server.accounts.list()).hasSize(1);
        }
    }

    @EachDatabase
    void an_unknown_user_and_a_wrong_password_are_indistinguishable(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            HttpResponse<String> unknown = server.browser("192.0.2.1").login("nobody", ADMIN_PASSWORD, server.code());
            HttpResponse<String> wrong = server.browser("192.0.2.2").login(ADMIN, "not the password", server.code());
            HttpResponse<String> wrongCode = server.browser("192.0.2.3").login(ADMIN, ADMIN_PASSWORD, "000000");

            assertThat(List.of(unknown.statusCode(), wrong.statusCode(), wrongCode.statusCode())).containsOnly(401);
            assertThat(List.of(wrong.body(), wrongCode.body())).containsOnly(unknown.body());
            assertThat(unknown.headers().map().keySet()).isEqualTo(wrong.headers().map().keySet());
        }
    }

    @EachDatabase
    void brute_force_is_slowed_down_by_growing_delays_and_never_locks_the_owner_out(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser attacker = server.browser(ATTACKER);
            int refused = 0;
            HttpResponse<String> reply = attacker.login(ADMIN, "guess 0", "000000");
            while (reply.statusCode() == 401 && refused < 20) {
                refused++;
                reply = attacker.login(ADMIN, "guess " + refused, "000000");
            }
            assertThat(reply.statusCode()).isEqualTo(429);
            assertThat(refused).isEqualTo(6);
            assertThat(Long.parseLong(reply.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            // Even the right password is not checked while throttled: the answer cannot confirm a guess.
            assertThat(attacker.login(ADMIN, ADMIN_PASSWORD, server.code()).statusCode()).isEqualTo(429);

            // The owner, from her own address, logs in at once.
            assertThat(server.browser(OWNER).login(ADMIN, ADMIN_PASSWORD, server.code()).statusCode())
                    .isEqualTo(200);

            // The wait grows with each failure, and ends: no permanent lock.
            server.clock.advance(Duration.ofSeconds(2));
            assertThat(attacker.login(ADMIN, "guess again", "000000").statusCode()).isEqualTo(401);
            HttpResponse<String> longer = attacker.login(ADMIN, "and again", "000000");
            assertThat(longer.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(longer.headers().firstValue("Retry-After").orElseThrow())).isGreaterThan(1);
            server.clock.advance(Duration.ofMinutes(16));
            server.nextStep();
            assertThat(attacker.login(ADMIN, ADMIN_PASSWORD, server.code()).statusCode()).isEqualTo(200);
        }
    }

    @EachDatabase
    void credential_stuffing_across_many_usernames_is_throttled_per_address(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser attacker = server.browser(ATTACKER);
            int status = 0;
            int tried = 0;
            while (tried < 40 && status != 429) {
                status = attacker.login("user" + tried + "@example.com", "Password" + tried + "!", null).statusCode();
                tried++;
            }
            assertThat(status).isEqualTo(429);
            assertThat(tried).isEqualTo(22);
            assertThat(server.audit).filteredOn(e -> e.action().equals("login.failed")).hasSizeGreaterThan(20)
                    .allMatch(e -> e.actorKind().equals("anonymous") && e.address().equals(ATTACKER));
            assertThat(server.browser(OWNER).login(ADMIN, ADMIN_PASSWORD, server.code()).statusCode())
                    .isEqualTo(200);
        }
    }

    @EachDatabase
    void a_totp_code_works_once_and_only_within_one_step_of_drift(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser browser = server.browser(OWNER);
            String current = server.code();
            long step = Totp.step(server.clock.instant());

            assertThat(browser.login(ADMIN, ADMIN_PASSWORD, current).statusCode()).isEqualTo(200);
            // Replayed, from this browser or another address: refused.
            assertThat(browser.login(ADMIN, ADMIN_PASSWORD, current).statusCode()).isEqualTo(401);
            assertThat(server.browser("192.0.2.9").login(ADMIN, ADMIN_PASSWORD, current).statusCode())
                    .isEqualTo(401);

            server.nextStep();
            server.nextStep();
            // Two steps later the original code is outside the drift window as well as used.
            String previous = codeAt(server, step + 1);
            String tooOld = codeAt(server, step);
            String next = codeAt(server, step + 3);
            String tooNew = codeAt(server, step + 4);
            assertThat(server.browser("192.0.2.10").login(ADMIN, ADMIN_PASSWORD, tooOld).statusCode()).isEqualTo(401);
            assertThat(server.browser("192.0.2.11").login(ADMIN, ADMIN_PASSWORD, tooNew).statusCode()).isEqualTo(401);
            assertThat(server.browser("192.0.2.12").login(ADMIN, ADMIN_PASSWORD, previous).statusCode())
                    .isEqualTo(200);
            assertThat(server.browser("192.0.2.13").login(ADMIN, ADMIN_PASSWORD, next).statusCode()).isEqualTo(200);
            // A code of the current step is now older than the last used one: refused.
            assertThat(server.browser("192.0.2.14").login(ADMIN, ADMIN_PASSWORD, server.code()).statusCode())
                    .isEqualTo(401);
        }
    }

    @EachDatabase
    void a_recovery_code_logs_in_once(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            String code = server.recoveryCodes.getFirst();

            assertThat(server.browser(OWNER).login(ADMIN, ADMIN_PASSWORD, code.toUpperCase()).statusCode())
                    .isEqualTo(200);
            assertThat(server.browser(OWNER).login(ADMIN, ADMIN_PASSWORD, code).statusCode()).isEqualTo(401);
            assertThat(server.accounts.recoveryCodesLeft(server.admin().id())).isEqualTo(9);
            assertThat(server.browser(OWNER).login(ADMIN, "wrong password", server.recoveryCodes.get(1)).statusCode())
                    .isEqualTo(401);
            assertThat(server.accounts.recoveryCodesLeft(server.admin().id())).isEqualTo(9);
        }
    }

    @EachDatabase
    void a_planted_session_cookie_is_never_adopted_at_login(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            // A value of the attacker's choosing, and a real session of the attacker's own.
            Browser victim = server.browser(OWNER);
            victim.cookie = BearerSecret.generate("hws_").reveal();
            String planted = victim.cookie;
            assertThat(victim.get("/api/v1/auth/me").statusCode()).isEqualTo(401);
            assertThat(victim.login(ADMIN, ADMIN_PASSWORD, server.code()).statusCode()).isEqualTo(200);
            assertThat(victim.cookie).isNotEqualTo(planted);

            Browser attacker = server.browser(ATTACKER);
            attacker.portalLogin(WebLoginServer.SUBSCRIBER, WebLoginServer.SUBSCRIBER_PASSWORD);
            String attackersSession = attacker.cookie;
            Browser victimAgain = server.browser(OWNER);
            victimAgain.cookie = attackersSession;
            server.nextStep();
            assertThat(victimAgain.login(ADMIN, ADMIN_PASSWORD, server.code()).statusCode()).isEqualTo(200);

            assertThat(victimAgain.cookie).isNotEqualTo(attackersSession);
            assertThat(attacker.get("/api/v1/auth/me").statusCode()).isEqualTo(401);
        }
    }

    @EachDatabase
    void a_session_is_dead_after_logout(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser browser = server.browser(OWNER);
            browser.login(ADMIN, ADMIN_PASSWORD, server.code());
            String cookie = browser.cookie;

            HttpResponse<String> logout = browser.post("/api/v1/auth/logout", "{}");

            assertThat(logout.statusCode()).isEqualTo(204);
            assertThat(Browser.sessionCookie(logout)).contains("Max-Age=0");
            Browser replay = server.browser(OWNER);
            replay.cookie = cookie;
            assertThat(replay.get("/api/v1/auth/me").statusCode()).isEqualTo(401);
            assertThat(replay.get("/api/v1/channels").statusCode()).isEqualTo(401);
            assertThat(server.audit).extracting(e -> e.action()).contains("logout");
        }
    }

    @EachDatabase
    void the_session_cookie_is_host_only_secure_http_only_and_strict(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            HttpResponse<String> login = server.browser(OWNER).login(ADMIN, ADMIN_PASSWORD, server.code());

            String cookie = Browser.sessionCookie(login);
            assertThat(cookie).startsWith("__Host-hw_session=hws_").contains("; Path=/").contains("; Secure")
                    .containsIgnoringCase("; HttpOnly").contains("; SameSite=Strict").doesNotContain("Domain=");
            assertThat(login.body()).doesNotContain(cookie.split(";")[0].substring("__Host-hw_session=".length()));
        }
    }

    @EachDatabase
    void state_changing_requests_without_the_csrf_token_are_refused(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser browser = server.browser(OWNER);
            browser.login(ADMIN, ADMIN_PASSWORD, server.code());
            server.nextStep();
            String code = "{\"code\":\"" + server.code() + "\"}";

            HttpResponse<String> missing = browser.post("/api/v1/auth/step-up", code, false);
            String token = browser.csrf;
            browser.csrf = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
            HttpResponse<String> wrong = browser.post("/api/v1/auth/step-up", code);
            HttpResponse<String> deleteChannel = browser.delete("/api/v1/channels/anything");
            HttpResponse<String> logout = browser.post("/api/v1/auth/logout", "{}");
            browser.csrf = token;

            for (HttpResponse<String> reply : List.of(missing, wrong, deleteChannel, logout)) {
                assertThat(reply.statusCode()).as(reply.uri().getPath()).isEqualTo(403);
                assertThat(Browser.json(reply).path("type").asText()).isEqualTo("urn:headwater:problem:csrf");
            }
            assertThat(browser.get("/api/v1/auth/me").statusCode()).isEqualTo(200);
            assertThat(browser.post("/api/v1/auth/step-up", code).statusCode()).isEqualTo(200);
        }
    }

    @EachDatabase
    void a_login_form_posted_cross_site_is_not_json_and_is_refused(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            HttpResponse<String> form = server.send(server.browser(OWNER).request("/api/v1/auth/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=root&password=x")).build());

            assertThat(form.statusCode()).isEqualTo(415);
            assertThat(form.headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    private static String codeAt(WebLoginServer server, long step) {
        return Totp.code(headwater.security.totp.TotpKey.of(server.accounts.find(server.admin().id()).orElseThrow()
                .totp().seed().bytes()), step);
    }
}
