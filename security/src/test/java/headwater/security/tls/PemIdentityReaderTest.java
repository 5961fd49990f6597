package headwater.security.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key and certificate forms operators have, made by the real openssl, and what is wrong with broken ones. */
class PemIdentityReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsAPkcs8RsaKeyAndItsCertificate() throws Exception {
        OpenSsl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key");
        OpenSsl.certificate(dir, "rsa", "tv.example.net");
        assertThat(Files.readString(dir.resolve("rsa.key"))).startsWith("-----BEGIN PRIVATE KEY-----");

        TlsIdentity identity = PemIdentityReader.read(dir.resolve("rsa.crt"), dir.resolve("rsa.key"), Optional.empty());

        assertThat(identity.privateKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(identity.leaf().getSubjectX500Principal().getName()).isEqualTo("CN=tv.example.net");
        assertThat(identity.toString()).contains("CN=tv.example.net").doesNotContain("PRIVATE");
    }

    @Test
    void readsAPkcs1RsaKey() throws Exception {
        OpenSsl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key");
        OpenSsl.certificate(dir, "rsa", "tv.example.net");
        OpenSsl.run(dir, "rsa", "-in", "rsa.key", "-traditional", "-out", "pkcs1.key");
        assertThat(Files.readString(dir.resolve("pkcs1.key"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        TlsIdentity identity = PemIdentityReader.read(dir.resolve("rsa.crt"), dir.resolve("pkcs1.key"), Optional.empty());

        assertThat(identity.privateKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void readsASec1EcKeyAndAChainInOneFile() throws Exception {
        OpenSsl.run(dir, "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ec.key");
        assertThat(Files.readString(dir.resolve("ec.key"))).startsWith("-----BEGIN EC PRIVATE KEY-----");
        OpenSsl.certificate(dir, "ec", "leaf.example.net");
        OpenSsl.run(dir, "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ca.key");
        OpenSsl.certificate(dir, "ca", "Example CA");
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, "Bag Attributes: from openssl\n" + Files.readString(dir.resolve("ec.crt"))
                + Files.readString(dir.resolve("ca.crt")).replace("\n", "\r\n") + Files.readString(dir.resolve("ec.key")));

        TlsIdentity identity = PemIdentityReader.read(bundle, bundle, Optional.empty());

        assertThat(identity.privateKey().getAlgorithm()).isEqualTo("EC");
        assertThat(identity.chain()).hasSize(2);
        assertThat(identity.chain().get(1).getSubjectX500Principal().getName()).isEqualTo("CN=Example CA");
    }

    @Test
    void readsAnEncryptedPkcs8KeyWithItsPassword() throws Exception {
        OpenSsl.run(dir, "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ec.key");
        OpenSsl.certificate(dir, "ec", "tv.example.net");
        OpenSsl.run(dir, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "ec.key", "-out", "enc.key", "-passout",
                "pass:correct horse");
        Path certificate = dir.resolve("ec.crt");
        Path key = dir.resolve("enc.key");

        assertThat(PemIdentityReader.read(certificate, key, Optional.of("correct horse".toCharArray())).privateKey()
                .getAlgorithm()).isEqualTo("EC");
        assertThatThrownBy(() -> PemIdentityReader.read(certificate, key, Optional.of("wrong".toCharArray())))
                .isInstanceOf(TlsMaterialException.class)
                .hasMessage(key + ": the ENCRYPTED PRIVATE KEY block at line 1 cannot be decrypted: wrong password, "
                        + "or an encryption this reader does not know");
        assertThatThrownBy(() -> PemIdentityReader.read(certificate, key, Optional.empty()))
                .hasMessage(key + ": the ENCRYPTED PRIVATE KEY block at line 1 is encrypted and no password was given");
    }

    @Test
    void refusesAKeyThatIsNotTheCertificates() throws Exception {
        OpenSsl.run(dir, "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "one.key");
        OpenSsl.certificate(dir, "one", "one.example.net");
        OpenSsl.run(dir, "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "two.key");

        assertThatThrownBy(() -> PemIdentityReader.read(dir.resolve("one.crt"), dir.resolve("two.key"),
                Optional.empty()))
                .isInstanceOf(TlsMaterialException.class)
                .hasMessage(dir.resolve("two.key") + ": the private key does not belong to the first certificate of "
                        + dir.resolve("one.crt") + " (CN=one.example.net)");
    }

    @Test
    void namesTheLineAndTheProblemOfMalformedPem() {
        assertMalformed("hello\n", "no PEM block (-----BEGIN ...-----) found");
        assertMalformed("-----BEGIN CERTIFICATE-----\nAAAA\n", "the CERTIFICATE block at line 1 has no END line");
        assertMalformed("x\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END PRIVATE KEY-----\n",
                "line 4: END PRIVATE KEY does not close BEGIN CERTIFICATE at line 2");
        assertMalformed("-----BEGIN CERTIFICATE-----\nAAAA\nAA*A\n-----END CERTIFICATE-----\n",
                "line 3: not base64 inside the CERTIFICATE block at line 1");
        assertMalformed("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
                "the CERTIFICATE block at line 1 is empty");
        assertMalformed("-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n",
                "the CERTIFICATE block at line 1 is not valid base64 (Input byte[] should at least have 2 bytes for base64 bytes)");
        assertMalformed("-----BEGIN CERTIFICATE-----\nAAAA\n-----BEGIN CERTIFICATE-----\n",
                "line 3: BEGIN inside the CERTIFICATE block at line 1, which has no END line");
        assertMalformed("-----BEGIN certificate-----\nAAAA\n-----END certificate-----\n",
                "line 1: a PEM label is upper-case letters, digits, spaces and hyphens");
        assertMalformed("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "no CERTIFICATE block");
        assertThatThrownBy(() -> PemIdentityReader.certificates(
                "-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n", "c.pem"))
                .isInstanceOf(TlsMaterialException.class)
                .hasMessageStartingWith("c.pem: the CERTIFICATE block at line 1 is not a valid X.509 certificate (");
    }

    @Test
    void namesWhatIsWrongWithAKey() {
        assertThatThrownBy(() -> PemIdentityReader.privateKey("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n", "k.pem", Optional.empty()))
                .hasMessage("k.pem: line 2: the RSA PRIVATE KEY block at line 1 uses OpenSSL's legacy encryption "
                        + "(Proc-Type), which is not read; convert it with: openssl pkcs8 -topk8 -in old.pem -out new.pem");
        assertThatThrownBy(() -> PemIdentityReader.privateKey(
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "k.pem", Optional.empty()))
                .hasMessage("k.pem: no private key block (PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY or "
                        + "ENCRYPTED PRIVATE KEY)");
        assertThatThrownBy(() -> PemIdentityReader.privateKey(
                "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n", "k.pem", Optional.empty()))
                .isInstanceOf(TlsMaterialException.class)
                .hasMessageStartingWith("k.pem: the EC PRIVATE KEY block at line 1 is not a valid EC PRIVATE KEY structure");
        assertThatThrownBy(() -> PemIdentityReader.privateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
                + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "k.pem", Optional.empty()))
                .hasMessage("k.pem: two private keys: the PRIVATE KEY block at line 1 and the PRIVATE KEY block at line 4");
    }

    @Test
    void refusesABinaryFileAsPem() throws Exception {
        Path der = dir.resolve("cert.der");
        Files.write(der, new byte[] {0x30, (byte) 0x82, 0x01, (byte) 0xff});

        assertThatThrownBy(() -> PemIdentityReader.read(der, der, Optional.empty()))
                .hasMessage(der + ": not a PEM text (bytes outside ASCII: DER or PKCS#12? A PKCS#12 file is read as "
                        + "a keystore)");
    }

    private static void assertMalformed(String pem, String reason) {
        assertThatThrownBy(() -> PemIdentityReader.certificates(pem, "chain.pem"))
                .isInstanceOf(TlsMaterialException.class)
                .hasMessage("chain.pem: " + reason);
    }
}
