package headwater.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The {@code tls.*} and plain-HTTP keys: HTTPS by default, the ways to give a certificate, and what is refused. */
class TlsConfigTest {

    @Test
    void httpsWithASelfSignedCertificateIsTheDefault() {
        HeadwaterConfig config = ConfigLoader.loadText("headwater.yml", "", Map.of());

        assertThat(config.tls()).isEqualTo(TlsConfig.defaults());
        assertThat(config.tls().enabled()).isTrue();
        assertThat(config.tls().selfSigned()).isTrue();
        assertThat(config.tls().hstsMaxAge()).isEqualTo(Duration.ofDays(365));
        assertThat(config.server().plainHttpPort()).isEmpty();
        assertThat(config.server().plainHttpXtream()).isFalse();
    }

    @Test
    void readsTheOperatorsFilesTheEnvironmentAndThePlainPort() {
        HeadwaterConfig config = ConfigLoader.loadText("headwater.yml", """
                server:
                  plainHttpPort: 8081
                  plainHttpXtream: true
                tls:
                  certificate: /etc/headwater/fullchain.pem
                  privateKey: /etc/headwater/key.pem
                  privateKeyPassword: " s3cret "
                  hostNames: [TV.example.net, cdn.example.net]
                  hstsMaxAge: 30d
                """, Map.of("HEADWATER_TLS_RELOAD_INTERVAL", "1m"));

        TlsConfig tls = config.tls();
        assertThat(tls.certificate()).contains(Path.of("/etc/headwater/fullchain.pem"));
        assertThat(tls.privateKey()).contains(Path.of("/etc/headwater/key.pem"));
        assertThat(tls.privateKeyPassword()).contains(" s3cret ");
        assertThat(tls.hostNames()).containsExactly("tv.example.net", "cdn.example.net");
        assertThat(tls.hstsMaxAge()).isEqualTo(Duration.ofDays(30));
        assertThat(tls.reloadInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(tls.selfSigned()).isFalse();
        assertThat(tls.toString()).doesNotContain("s3cret").contains("privateKeyPassword=(set)");
        assertThat(config.server().plainHttpPort()).isEqualTo(OptionalInt.of(8081));
        assertThat(config.server().plainHttpXtream()).isTrue();
    }

    @Test
    void tlsCanBeTurnedOffFromTheEnvironment() {
        HeadwaterConfig config = ConfigLoader.loadText("headwater.yml", "", Map.of("HEADWATER_TLS_ENABLED", "false"));

        assertThat(config.tls().enabled()).isFalse();
        assertThat(config.tls().keystore()).isEqualTo(Optional.empty());
    }

    @Test
    void namesTheKeyOfEveryInconsistency() {
        assertProblems("""
                tls:
                  certificate: /etc/cert.pem
                """, "headwater.yml:1: tls.privateKey must be set together with tls.certificate");
        assertProblems("""
                tls:
                  keystore: /etc/server.p12
                """, "headwater.yml:1: tls.keystorePassword must be set with tls.keystore");
        assertProblems("""
                tls:
                  certificate: /etc/cert.pem
                  privateKey: /etc/key.pem
                  keystore: /etc/server.p12
                  keystorePassword: pw
                """, "headwater.yml:4: tls.keystore and tls.certificate are two ways to give the certificate: set one");
        assertProblems("""
                tls:
                  privateKeyPassword: pw
                """, "headwater.yml:2: tls.privateKeyPassword is set but tls.privateKey is not");
        assertProblems("""
                tls:
                  hostNames: [tv.example.net, "bad name"]
                """, "headwater.yml:2: tls.hostNames[1] 'bad name' is not a DNS name (letters, digits, hyphens and dots,"
                + " such as tv.example.net)");
        assertProblems("""
                tls:
                  hstsMaxAge: 1
                """, "headwater.yml:2: tls.hstsMaxAge must be " + DurationText.EXPECTED + ", got '1'");
        assertProblems("""
                server:
                  port: 8443
                  plainHttpPort: 8443
                """, "headwater.yml:3: server.plainHttpPort must differ from server.port (8443)");
        assertProblems("""
                server:
                  plainHttpPort: 80
                tls:
                  enabled: false
                """, "headwater.yml:2: server.plainHttpPort is for media beside HTTPS; with tls.enabled: false the main"
                + " port serves plain HTTP already: remove it");
        assertProblems("""
                server:
                  plainHttpPort: web
                """, "headwater.yml:2: server.plainHttpPort must be a whole number, got 'web'");
    }

    private static void assertProblems(String yaml, String... problems) {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.loadText("headwater.yml", yaml, Map.of()));

        assertThat(e).as(yaml).isNotNull();
        assertThat(e.problems()).as(yaml).containsExactly(problems);
    }

    @Test
    void testsThatAreNotAboutTlsChooseOff() {
        assertThat(TlsConfig.off().enabled()).isFalse();
        assertThat(HeadwaterConfig.defaults().tls().enabled()).isTrue();
        assertThat(List.of(TlsConfig.pem(Path.of("c"), Path.of("k")).selfSigned())).containsExactly(false);
    }
}
