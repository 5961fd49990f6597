package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The extension point that hands a path prefix (an admin API) to another handler on the server's own Vert.x. */
class MountTest {

    @Test
    void requests_under_the_prefix_go_to_the_mounted_handler_on_the_servers_vertx() throws Exception {
        AtomicReference<Vertx> given = new AtomicReference<>();
        AtomicInteger factoryCalls = new AtomicInteger();
        AtomicReference<Boolean> sameVertx = new AtomicReference<>();
        Mount mount = new Mount("/api/", vertx -> {
            given.set(vertx);
            factoryCalls.incrementAndGet();
            return request -> {
                sameVertx.set(Vertx.currentContext() != null && Vertx.currentContext().owner() == given.get());
                request.response().putHeader("content-type", "text/plain")
                        .end("mounted " + request.method() + " " + request.uri());
            };
        });
        try (DeliveryServer server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(2), new InMemoryCatalog(),
                TestGate.REFUSE_ALL, () -> "up 1\n").mount(mount);
             HttpClient client = HttpClient.newHttpClient()) {
            int port = server.start("127.0.0.1", 0);

            HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/channels?page=2")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> beside = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/apix")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> live = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/s/" + TestGate.newToken() + "/live/absent/index.m3u8")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.body()).isEqualTo("mounted POST /api/v1/channels?page=2");
            assertThat(sameVertx.get()).isTrue();
            assertThat(factoryCalls.get()).isEqualTo(1);
            assertThat(health.body()).isEqualTo("ok\n");
            assertThat(beside.statusCode()).isEqualTo(404);
            assertThat(live.statusCode()).isEqualTo(403);
            assertThat(live.body()).isEqualTo("forbidden\n");
        }
    }

    @Test
    void a_handler_that_throws_gets_a_500_and_the_server_carries_on() throws Exception {
        Mount mount = new Mount("/api/", vertx -> request -> {
            throw new IllegalStateException("boom");
        });
        try (DeliveryServer server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(1), new InMemoryCatalog(),
                TestGate.REFUSE_ALL, () -> "").mount(mount);
             HttpClient client = HttpClient.newHttpClient()) {
            int port = server.start("127.0.0.1", 0);
            HttpResponse<String> failed = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/x")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void mounting_after_start_or_twice_is_refused() {
        Mount mount = new Mount("/api/", vertx -> request -> request.response().end());
        try (DeliveryServer server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(1), new InMemoryCatalog(),
                TestGate.REFUSE_ALL, () -> "")) {
            server.mount(mount);
            assertThatThrownBy(() -> server.mount(mount)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the delivery server already mounts /api/");
        }
        try (DeliveryServer started = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(1),
                new InMemoryCatalog(), TestGate.REFUSE_ALL, () -> "")) {
            started.start("127.0.0.1", 0);
            assertThatThrownBy(() -> started.mount(mount)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("mount /api/ before the delivery server starts");
        }
    }

    @Test
    void several_mounts_each_get_their_prefix_and_the_fallback_gets_what_nothing_claims() throws Exception {
        AtomicInteger fallbackFactoryCalls = new AtomicInteger();
        TestGate gate = new TestGate();
        String token = TestGate.newToken();
        gate.grant(token, "news");
        try (DeliveryServer server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(2),
                new InMemoryCatalog(), gate, () -> "")
                .mount(new Mount("/api/", vertx -> request -> request.response().end("api " + request.path())))
                .mount(new Mount("/admin/", vertx -> request -> request.response().end("admin " + request.path())))
                .fallback(vertx -> {
                    fallbackFactoryCalls.incrementAndGet();
                    return request -> request.response().setStatusCode(request.path().equals("/nothing") ? 404 : 200)
                            .end("xtream " + request.method() + " " + request.uri());
                });
             HttpClient client = HttpClient.newHttpClient()) {
            int port = server.start("127.0.0.1", 0);
            java.util.function.Function<String, HttpResponse<String>> get = path -> {
                try {
                    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };

            assertThat(get.apply("/api/v1/x").body()).isEqualTo("api /api/v1/x");
            assertThat(get.apply("/admin/y").body()).isEqualTo("admin /admin/y");
            assertThat(get.apply("/player_api.php?username=a&password=b").body())
                    .isEqualTo("xtream GET /player_api.php?username=a&password=b");
            assertThat(get.apply("/live/user/pass/12.ts").body()).isEqualTo("xtream GET /live/user/pass/12.ts");
            assertThat(get.apply("/user/pass/12").body()).isEqualTo("xtream GET /user/pass/12");
            assertThat(get.apply("/movie/user/pass/7.mkv").body()).isEqualTo("xtream GET /movie/user/pass/7.mkv");
            HttpResponse<String> nothing = get.apply("/nothing");
            assertThat(nothing.statusCode()).as("the fallback answers its own 404").isEqualTo(404);
            assertThat(nothing.body()).isEqualTo("xtream GET /nothing");
            assertThat(get.apply("/healthz").body()).isEqualTo("ok\n");
            assertThat(get.apply("/s/" + token + "/live/news/index.m3u8").statusCode())
                    .as("media paths never reach the fallback").isEqualTo(404);
            assertThat(get.apply("/s/" + token + "/live/Bad/index.m3u8").statusCode()).isEqualTo(400);
            assertThat(get.apply("/s/" + TestGate.newToken() + "/live/news/index.m3u8").statusCode()).isEqualTo(403);
            assertThat(fallbackFactoryCalls.get()).isEqualTo(1);
        }
    }

    @Test
    void overlapping_mounts_and_a_second_fallback_are_refused() {
        try (DeliveryServer server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(1), new InMemoryCatalog(),
                TestGate.REFUSE_ALL, () -> "")) {
            server.mount(new Mount("/api/", vertx -> request -> { }));
            assertThatThrownBy(() -> server.mount(new Mount("/api/v1/", vertx -> request -> { })))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the delivery server already mounts /api/, which overlaps /api/v1/");
            server.fallback(vertx -> request -> { });
            assertThatThrownBy(() -> server.fallback(vertx -> request -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the delivery server already has a fallback handler");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "//", "api/", "/api", "/s/", "/s/x/"})
    void a_prefix_that_is_not_a_distinct_directory_is_refused(String prefix) {
        assertThatThrownBy(() -> new Mount(prefix, vertx -> request -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"" + prefix + "\"");
    }
}
