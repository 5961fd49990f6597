package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import headwater.app.config.ChannelConfig;
import headwater.app.config.ConfigException;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.HlsConfig;
import headwater.app.config.ServerConfig;
import headwater.app.config.TlsConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.app.wiring.ServerTrust;
import headwater.security.tls.PemWriter;
import headwater.security.tls.SelfSignedCertificate;
import headwater.security.tls.SubjectNames;
import headwater.security.tls.TlsIdentity;
import headwater.testkit.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as configured by {@code tls.*}: HTTPS with a self-signed certificate made at first start and kept, the
 * admin API and Xtream logins refused on the plain-HTTP media port while a session's media plays there, and the
 * operator's certificate replaced on disk and served without a restart.
 */
class HttpsWiringTest {

    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");

    @TempDir
    Path dir;

    private HeadwaterConfig config(TlsConfig tls, ServerConfig server, List<ChannelConfig> channels) {
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        return new HeadwaterConfig(server, dir.resolve("data"), defaults.ffmpeg(), defaults.demo(),
                new HlsConfig(Duration.ofSeconds(1), 3, 1), defaults.health(), channels, defaults.metrics(),
                defaults.database(), defaults.outbound()).withTls(tls);
    }

    @Test
    void servesHttpsWithASelfSignedCertificateKeptAcrossRestartsAndMediaOnlyOnThePlainPort() throws Exception {
        Path loop = Files.write(dir.resolve("loop.ts"), Fixtures.bytes(Fixtures.H264_AAC_180P));
        HeadwaterConfig config = config(TlsConfig.defaults(), new ServerConfig("127.0.0.1", 0).withPlainHttp(0, false),
                List.of(new ChannelConfig("news", "News", List.of(loop.toUri()), Optional.empty(),
                        Optional.of(Duration.ofSeconds(1)), Viewers.PACKAGES)));
        X509Certificate first;
        try (HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG);
             HttpClient https = HttpClient.newBuilder().sslContext(ServerTrust.context(config)).build();
             HttpClient plain = HttpClient.newHttpClient()) {
            URI base = server.baseUrl();
            URI plainBase = server.plainMediaUrl().orElseThrow();
            first = server.tls().orElseThrow().identity().leaf();
            Path certificate = dir.resolve("data/tls/server.crt");

            assertThat(base.getScheme()).isEqualTo("https");
            assertThat(server.tls().orElseThrow().certificateFile()).isEqualTo(certificate);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/tls/server.key"))))
                    .isEqualTo("rw-------");
            assertThat(SelfSignedCertificate.namesOf(first).addresses()).contains(InetAddress.getByName("127.0.0.1"));
            HttpResponse<String> health = get(https, base.resolve("healthz"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            assertThat(get(https, base.resolve("api/v1/channels")).statusCode()).isEqualTo(401);
            assertThat(get(https, base.resolve("player_api.php?username=nobody&password=wrong")).statusCode())
                    .isEqualTo(200);

            for (String refused : List.of("api/v1/channels", "metrics", "player_api.php?username=nobody&password=x",
                    "get.php?username=nobody&password=x", "live/nobody/x/1.ts")) {
                HttpResponse<String> answer = get(plain, plainBase.resolve(refused));
                assertThat(answer.statusCode()).as(refused).isEqualTo(403);
                assertThat(answer.body()).isEqualTo("this port serves media only: use HTTPS\n");
            }
            assertThat(server.awaitSegments(2, Duration.ofSeconds(60))).isTrue();
            URI playlist = Viewers.hls(server, "news");
            URI plainPlaylist = plainBase.resolve(playlist.getRawPath());
            assertThat(get(https, playlist).statusCode()).isEqualTo(200);
            HttpResponse<String> overPlain = get(plain, plainPlaylist);
            assertThat(overPlain.statusCode()).isEqualTo(200);
            assertThat(overPlain.body()).startsWith("#EXTM3U");
            assertThat(overPlain.headers().firstValue("Strict-Transport-Security")).isEmpty();

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int listed = Main.run(new String[] {"session", "list", "--data-dir",
                    dir.resolve("data").toString(), "--server", base.toString()}, Map.of(),
                    new PrintWriter(out), new PrintWriter(err));
            assertThat(listed).as("the CLI trusts the self-signed certificate: " + err).isZero();
            assertThat(out.toString()).contains("news");
        }
        try (HeadwaterServer again = HeadwaterServer.start(config, NO_FFMPEG)) {
            assertThat(again.tls().orElseThrow().identity().leaf()).isEqualTo(first);
        }
    }

    @Test
    void servesTheOperatorsNewCertificateAfterTheFilesAreReplacedWithoutARestart() throws Exception {
        SubjectNames names = new SubjectNames(List.of("localhost"), List.of(InetAddress.getByName("127.0.0.1")));
        TlsIdentity before = SelfSignedCertificate.generate(names, Instant.now(), Duration.ofDays(30));
        TlsIdentity after = SelfSignedCertificate.generate(names, Instant.now(), Duration.ofDays(60));
        Path certificate = dir.resolve("operator/fullchain.pem");
        Path key = dir.resolve("operator/key.pem");
        PemWriter.write(before, certificate, key);
        HeadwaterConfig config = config(TlsConfig.pem(certificate, key).withReloadInterval(Duration.ofSeconds(1)),
                new ServerConfig("127.0.0.1", 0), List.of());
        SSLContext trustsBoth = ServerTrust.context(List.of(before.leaf(), after.leaf()));
        try (HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG)) {
            assertThat(presented(trustsBoth, server.port())).isEqualTo(before.leaf());

            PemWriter.write(after, certificate, key);

            await().atMost(Duration.ofSeconds(60)).until(() -> presented(trustsBoth, server.port()).equals(after.leaf()));
        }
    }

    @Test
    void aBrokenCertificateFileStopsTheStartNamingItsKey() throws Exception {
        Path certificate = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n");
        Path key = Files.writeString(dir.resolve("key.pem"), "");
        HeadwaterConfig config = config(TlsConfig.pem(certificate, key), new ServerConfig("127.0.0.1", 0), List.of());

        assertThatThrownBy(() -> HeadwaterServer.start(config, NO_FFMPEG))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tls.certificate: " + certificate + ": the CERTIFICATE block at line 1 has no END"
                        + " line");
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static X509Certificate presented(SSLContext context, int port) throws Exception {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
