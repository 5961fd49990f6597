package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attacks on the transport, with the real openssl as the attacker's client: old protocols and weak suites are refused
 * in the handshake, and the plain-HTTP media port hands nothing but media to anyone (no admin API, no metrics, no
 * Xtream login with a password in clear, no key), without the refused request reaching a handler.
 */
class TlsDowngradeAttackTest {

    @TempDir
    static Path dir;

    private static final AtomicInteger mountCalls = new AtomicInteger();
    private static final AtomicInteger fallbackCalls = new AtomicInteger();
    private static final TestGate gate = new TestGate();
    private static DeliveryServer server;
    private static int port;
    private static int plainPort;

    @BeforeAll
    static void start() throws Exception {
        Mount api = new Mount("/api/", vertx -> request -> {
            mountCalls.incrementAndGet();
            request.response().end("api");
        });
        server = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(2), new InMemoryCatalog(), gate,
                () -> "secret_metric 1\n").mount(api)
                .fallback(vertx -> request -> {
                    fallbackCalls.incrementAndGet();
                    request.response().end("xtream");
                })
                .https(new HttpsSettings(TestCertificates.make(dir, "server"), Duration.ofDays(180)))
                .plainHttp(new PlainHttpPort(0, false));
        port = server.start("127.0.0.1", 0);
        plainPort = server.plainPort();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1", "-tls1_1"})
    void tls10And11AreRefusedInTheHandshake(String protocol) throws Exception {
        String output = sClient(protocol, "-cipher", "DEFAULT@SECLEVEL=0");

        assertThat(output).startsWith("1\n").doesNotContain("CONNECTION ESTABLISHED", "Protocol version")
                .contains("alert protocol version"); // alert 70, sent by the server
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_2", "-tls1_3"})
    void tls12And13AreAccepted(String protocol) throws Exception {
        String output = sClient(protocol);

        assertThat(output).startsWith("0\n").contains("CONNECTION ESTABLISHED", "Peer certificate: CN = server",
                        "Protocol version: " + (protocol.equals("-tls1_2") ? "TLSv1.2" : "TLSv1.3"))
                .containsPattern("Ciphersuite: (ECDHE-ECDSA-AES(128|256)-GCM-SHA(256|384)|TLS_AES_|TLS_CHACHA20_)");
    }

    @Test
    void anRsaCertificateGetsEcdheRsaSuitesOnly() throws Exception {
        try (DeliveryServer rsa = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(1),
                new InMemoryCatalog(), TestGate.REFUSE_ALL, () -> "")
                .https(new HttpsSettings(TestCertificates.makeRsa(dir, "rsa"), Duration.ofDays(1)))) {
            int rsaPort = rsa.start("127.0.0.1", 0);
            String accepted = TestCertificates.run(dir, "openssl", "s_client", "-connect", "127.0.0.1:" + rsaPort,
                    "-brief", "-tls1_2");
            String kRsa = TestCertificates.run(dir, "openssl", "s_client", "-connect", "127.0.0.1:" + rsaPort,
                    "-brief", "-tls1_2", "-cipher", "AES128-GCM-SHA256:AES256-GCM-SHA384:AES128-SHA256");

            assertThat(accepted).startsWith("0\n").contains("Protocol version: TLSv1.2", "Peer certificate: CN = rsa")
                    .containsPattern("Ciphersuite: ECDHE-RSA-(AES(128|256)-GCM-SHA(256|384)|CHACHA20-POLY1305)");
            assertThat(kRsa).as("RSA key exchange has no forward secrecy").startsWith("1\n")
                    .doesNotContain("CONNECTION ESTABLISHED");
        }
    }

    @Test
    void weakTls12SuitesAreRefused() throws Exception {
        String output = sClient("-tls1_2", "-cipher", "AES128-SHA:AES256-SHA:DES-CBC3-SHA:ECDHE-ECDSA-AES128-SHA@SECLEVEL=0");

        assertThat(output).startsWith("1\n").doesNotContain("CONNECTION ESTABLISHED", "Ciphersuite")
                .contains("alert handshake failure");
    }

    @Test
    void httpsResponsesCarryHsts() throws Exception {
        String output = TestCertificates.run(dir, "sh", "-c", "printf 'GET /healthz HTTP/1.1\\r\\nHost: x\\r\\n"
                + "Connection: close\\r\\n\\r\\n' | openssl s_client -quiet -connect 127.0.0.1:" + port);

        assertThat(output).contains("Strict-Transport-Security: max-age=15552000");
    }

    @Test
    void thePlainPortServesMediaAndHealthOnly() throws Exception {
        String token = TestGate.newToken();
        gate.grant(token, "news");
        int mounts = mountCalls.get();
        int fallbacks = fallbackCalls.get();
        int checks = gate.checks();
        try (HttpClient client = HttpClient.newHttpClient()) {
            assertThat(plain(client, "GET", "/healthz").statusCode()).isEqualTo(200);
            assertThat(plain(client, "GET", "/s/" + token + "/live/news/media.m3u8").statusCode()).isEqualTo(404);
            assertThat(gate.checks()).isEqualTo(checks + 1);

            for (String path : new String[] {"/api/v1/subscribers", "/api/v1/login", "/metrics",
                    "/player_api.php?username=alice&password=secret", "/get.php?username=a&password=b&type=m3u_plus",
                    "/live/alice/secret/1.ts", "/portal/login", "/", "/s/0123abcd/1", "/s/" + token + "/live/news/key/0a1b.key"}) {
                for (String method : new String[] {"GET", "POST"}) {
                    HttpResponse<String> refused = plain(client, method, path);
                    assertThat(refused.statusCode()).as(method + " " + path).isEqualTo(403);
                    assertThat(refused.body()).isEqualTo("this port serves media only: use HTTPS\n");
                    assertThat(refused.headers().firstValue("Strict-Transport-Security")).isEmpty();
                }
            }
            assertThat(mountCalls.get()).isEqualTo(mounts);
            assertThat(fallbackCalls.get()).isEqualTo(fallbacks);
            assertThat(gate.checks()).isEqualTo(checks + 1);
        }
    }

    @Test
    void theFallbackIsReachableOverPlainHttpOnlyWhenAllowed() throws Exception {
        try (DeliveryServer allowing = new DeliveryServer(DeliveryOptions.defaults().withEventLoops(1),
                new InMemoryCatalog(), TestGate.REFUSE_ALL, () -> "")
                .fallback(vertx -> request -> request.response().end("xtream"))
                .https(new HttpsSettings(TestCertificates.make(dir, "other"), Duration.ZERO))
                .plainHttp(new PlainHttpPort(0, true));
             HttpClient client = HttpClient.newHttpClient()) {
            allowing.start("127.0.0.1", 0);
            HttpResponse<String> xtream = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + allowing.plainPort() + "/player_api.php?username=a&password=b")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + allowing.plainPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(xtream.body()).isEqualTo("xtream");
            assertThat(metrics.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void plainHttpToTheHttpsPortGetsNoAnswer() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = null;
            try {
                response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException expected) {
                // the TLS listener closes a connection that does not start with a handshake
            }
            assertThat(response == null || response.statusCode() != 200).isTrue();
        }
    }

    private static HttpResponse<String> plain(HttpClient client, String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plainPort + path))
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("POST") ? "password=secret" : ""))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sClient(String... options) throws Exception {
        String[] command = new String[options.length + 5];
        command[0] = "openssl";
        command[1] = "s_client";
        command[2] = "-connect";
        command[3] = "127.0.0.1:" + port;
        command[4] = "-brief";
        System.arraycopy(options, 0, command, 5, options.length);
        return TestCertificates.run(dir, command);
    }
}
