package headwater.security.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PKCS#12 keystores as {@code openssl pkcs12 -export} makes them. */
class Pkcs12IdentityReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheKeyAndChainOfAnOpensslKeystore() throws Exception {
        OpenSsl.run(dir, "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ec.key");
        OpenSsl.certificate(dir, "ec", "tv.example.net");
        OpenSsl.run(dir, "pkcs12", "-export", "-inkey", "ec.key", "-in", "ec.crt", "-out", "server.p12",
                "-passout", "pass:s3cret");
        Path store = dir.resolve("server.p12");

        TlsIdentity identity = Pkcs12IdentityReader.read(store, "s3cret".toCharArray());

        assertThat(identity.privateKey().getAlgorithm()).isEqualTo("EC");
        assertThat(identity.leaf().getSubjectX500Principal().getName()).isEqualTo("CN=tv.example.net");
        assertThatThrownBy(() -> Pkcs12IdentityReader.read(store, "wrong".toCharArray()))
                .isInstanceOf(TlsMaterialException.class)
                .hasMessageStartingWith(store + ": ")
                .hasMessageContaining("password");
    }

    @Test
    void namesAFileThatIsNoKeystore() throws Exception {
        Path pem = dir.resolve("server.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> Pkcs12IdentityReader.read(pem, "x".toCharArray()))
                .isInstanceOf(TlsMaterialException.class)
                .hasMessageStartingWith(pem + ": not a PKCS#12 keystore, or a wrong password (");
    }

    @Test
    void refusesAKeystoreWithoutAKey() throws Exception {
        OpenSsl.run(dir, "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ec.key");
        OpenSsl.certificate(dir, "ec", "tv.example.net");
        OpenSsl.run(dir, "pkcs12", "-export", "-nokeys", "-in", "ec.crt", "-out", "certs.p12", "-passout", "pass:pw");

        assertThatThrownBy(() -> Pkcs12IdentityReader.read(dir.resolve("certs.p12"), "pw".toCharArray()))
                .hasMessage(dir.resolve("certs.p12") + ": no entry with a private key and its certificate");
    }
}
