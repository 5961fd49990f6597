package headwater.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.delivery.TrustedProxies;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client's address for the Xtream login's throttling: the peer, or X-Forwarded-For behind a trusted proxy. */
class ClientAddressTest {

    @Test
    void believes_x_forwarded_for_only_from_a_trusted_proxy_and_never_resolves_a_name() throws Exception {
        assertThat(addressSeen(TrustedProxies.none(), "203.0.113.7")).isEqualTo("127.0.0.1");
        assertThat(addressSeen(TrustedProxies.of(List.of("127.0.0.0/8")), "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(addressSeen(TrustedProxies.of(List.of("127.0.0.0/8", "10.0.0.0/8")), "198.51.100.1, 10.1.2.3"))
                .as("the nearest hop that is not a trusted proxy").isEqualTo("198.51.100.1");
        assertThat(addressSeen(TrustedProxies.of(List.of("127.0.0.0/8")), "203.0.113.7, evil.example"))
                .as("a name is not an address: the proxy itself").isEqualTo("127.0.0.1");
        assertThat(addressSeen(TrustedProxies.of(List.of("127.0.0.0/8")), "2001:db8::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    private static String addressSeen(TrustedProxies proxies, String forwardedFor) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            ClientAddress address = new ClientAddress(proxies);
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> request.response().end(address.apply(request).getHostAddress()))
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.actualPort() + "/player_api.php"))
                    .header("X-Forwarded-For", forwardedFor).build(), HttpResponse.BodyHandlers.ofString());
            return response.body();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
