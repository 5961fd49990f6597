package headwater.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A browser for {@link WebLoginServer}: sends the session cookie it was last given (the JDK's cookie handler would
 * not send a Secure cookie over plain HTTP, so this keeps it by hand), the CSRF token the login returned when asked,
 * and its client address.
 */
final class Browser {

    private final WebLoginServer server;
    private final String address;
    String cookie;
    String csrf;

    Browser(WebLoginServer server, String address) {
        this.server = server;
        this.address = address;
    }

    HttpResponse<String> login(String username, String password, String code) {
        HttpResponse<String> response = post("/api/v1/auth/login", WebLoginServer.json(
                Map.of("username", username, "password", password, "totp", code == null ? "" : code)), false);
        remember(response);
        return response;
    }

    HttpResponse<String> portalLogin(String username, String password) {
        return portalLogin(username, password, null);
    }

    /** A portal login with {@code totp} when {@code code} is not null. */
    HttpResponse<String> portalLogin(String username, String password, String code) {
        Map<String, String> fields = code == null ? Map.of("username", username, "password", password)
                : Map.of("username", username, "password", password, "totp", code);
        HttpResponse<String> response = post("/api/v1/portal/login", WebLoginServer.json(fields), false);
        remember(response);
        return response;
    }

    /** A POST with the session's CSRF token when {@code withCsrf}. */
    HttpResponse<String> post(String path, String json, boolean withCsrf) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (withCsrf && csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return server.send(request.build());
    }

    HttpResponse<String> post(String path, String json) {
        return post(path, json, true);
    }

    /** A PUT with the session's CSRF token. */
    HttpResponse<String> put(String path, String json) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return server.send(request.build());
    }

    HttpResponse<String> get(String path) {
        return server.send(request(path).GET().build());
    }

    HttpResponse<String> delete(String path) {
        HttpRequest.Builder request = request(path).DELETE();
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return server.send(request.build());
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
                .header(WebLoginServer.CLIENT_HEADER, address);
        if (cookie != null) {
            request.header("Cookie", "__Host-hw_session=" + cookie);
        }
        return request;
    }

    private void remember(HttpResponse<String> response) {
        if (response.statusCode() == 200) {
            cookie = sessionCookie(response).split(";", 2)[0].substring("__Host-hw_session=".length());
            csrf = json(response).path("csrfToken").asText();
        }
    }

    static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("__Host-hw_session="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
