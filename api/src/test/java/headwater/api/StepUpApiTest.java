package headwater.api;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sensitive actions (API tokens made or revoked, the token signing key rotated) need a web session's second factor
 * proven within 5 minutes: a stale one gets 403 step-up-required until the operator steps up again.
 */
class StepUpApiTest {

    private static final String TOKEN = "{\"name\": \"%s\", \"role\": \"SUPPORT\", \"scopes\": [\"catalogue:read\"]}";

    @EachDatabase
    void a_stale_second_factor_is_refused_for_sensitive_actions_until_a_step_up(TestStore store) {
        try (WebLoginServer server = WebLoginServer.start(store)) {
            Browser browser = server.browser("198.51.100.30");
            assertThat(browser.login(WebLoginServer.ADMIN, WebLoginServer.ADMIN_PASSWORD, server.code()).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> fresh = browser.post("/api/v1/api-tokens", TOKEN.formatted("ci-1"));
            assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(201);
            assertThat(Browser.json(fresh).path("token").asText()).startsWith("hw_api_");
            assertThat(Browser.json(fresh).path("createdBy").asText()).isEqualTo(WebLoginServer.ADMIN);

            server.clock.advance(Duration.ofMinutes(6));
            for (HttpResponse<String> refused : java.util.List.of(
                    browser.post("/api/v1/api-tokens", TOKEN.formatted("ci-2")),
                    browser.delete("/api/v1/api-tokens/ci-1"),
                    browser.post("/api/v1/token-keys/rotate", "{}"))) {
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
                assertThat(Browser.json(refused).path("type").asText()).isEqualTo("urn:headwater:problem:step-up-required");
            }
            assertThat(browser.get("/api/v1/api-tokens").statusCode()).as("reading is not sensitive").isEqualTo(200);

            assertThat(browser.post("/api/v1/auth/step-up", "{\"code\":\"" + server.code() + "\"}").statusCode())
                    .isEqualTo(200);
            assertThat(browser.post("/api/v1/api-tokens", TOKEN.formatted("ci-2")).statusCode()).isEqualTo(201);
            assertThat(browser.delete("/api/v1/api-tokens/ci-1").statusCode()).isEqualTo(204);
        }
    }
}
