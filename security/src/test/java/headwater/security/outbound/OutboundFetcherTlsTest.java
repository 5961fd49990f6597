package headwater.security.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.testkit.ExternalCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS over a pinned address: the connection goes to the checked 127.0.0.1 while TLS still names and verifies the
 * URL's host. The certificate (for {@code guide.example} only) is made by the JDK's keytool.
 */
class OutboundFetcherTlsTest {

    @TempDir
    static Path dir;
    private static SSLContext server;
    private static SSLContext client;
    private static ScriptedHttpServer https;
    private static ScriptedHttpServer http;
    private static final OutboundPolicy POLICY = OutboundPolicy.publicOnly().allowing("127.0.0.1/32");

    @BeforeAll
    static void certificate() throws Exception {
        Path store = dir.resolve("guide.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        var result = ExternalCommand.run(List.of(keytool, "-genkeypair", "-alias", "guide", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=guide.example", "-ext", "SAN=dns:guide.example",
                "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-keypass", "changeit"), java.time.Duration.ofSeconds(60), dir);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(keys);
        client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);

        http = ScriptedHttpServer.http().on("/plain", exchange -> ScriptedHttpServer.send(exchange, 200, "plain".getBytes()));
        https = ScriptedHttpServer.https(server)
                .on("/guide.xml", exchange -> ScriptedHttpServer.send(exchange, 200, "<tv/>".getBytes()))
                .on("/downgrade", exchange -> ScriptedHttpServer.redirect(exchange, http.url("/plain")));
    }

    @AfterAll
    static void stop() {
        https.close();
        http.close();
    }

    private static OutboundFetcher fetcher() {
        HostResolver dns = OutboundFetcherTest.table(Map.of("guide.example", List.of("127.0.0.1"),
                "other.example", List.of("127.0.0.1")));
        return new OutboundFetcher(POLICY, dns, client);
    }

    @Test
    void talksTlsToThePinnedAddressForTheUrlsHostName() throws IOException {
        String url = "https://guide.example:" + https.port() + "/guide.xml";
        try (Download d = fetcher().open(url)) {
            assertThat(new String(d.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<tv/>");
        }
        assertThat(https.hosts()).contains("guide.example:" + https.port());
    }

    @Test
    void checksTheCertificateAgainstTheUrlsHostNotTheAddress() {
        String url = "https://other.example:" + https.port() + "/guide.xml";
        assertThatThrownBy(() -> fetcher().open(url))
                .isInstanceOf(DownloadFailedException.class)
                .hasMessageStartingWith(url + ": cannot connect to 127.0.0.1:" + https.port())
                .hasMessageContaining("other.example");
    }

    @Test
    void refusesARedirectFromHttpsToHttp() {
        String url = "https://guide.example:" + https.port() + "/downgrade";
        assertThatThrownBy(() -> fetcher().open(url))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessage(url + " redirected from https to plain http (" + http.url("/plain") + "); refused");
    }
}
