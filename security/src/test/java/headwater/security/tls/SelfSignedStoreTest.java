package headwater.security.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate made at first start: what openssl sees in it, where it is kept, and when it is made anew. */
class SelfSignedStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-21T20:00:00Z");

    @TempDir
    Path dir;

    @Test
    void makesAnEcP256ServerCertificateForTheHostsNamesAndAddresses() throws Exception {
        SubjectNames names = SubjectNames.ofThisHost(List.of("tv.example.net"));
        SelfSignedStore store = new SelfSignedStore(dir.resolve("tls"));

        TlsIdentity identity = store.loadOrCreate(names, Clock.fixed(NOW, ZoneOffset.UTC),
                SelfSignedCertificate.DEFAULT_VALIDITY);

        assertThat(names.dnsNames()).startsWith("tv.example.net").contains("localhost");
        assertThat(names.addresses()).contains(InetAddress.getByName("127.0.0.1"));
        assertThat(((ECPublicKey) identity.leaf().getPublicKey()).getParams().getCurve().getField().getFieldSize())
                .isEqualTo(256);
        assertThat(identity.leaf().getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(397)));
        assertThat(identity.leaf().getBasicConstraints()).isEqualTo(-1);
        String text = OpenSsl.run(dir, "x509", "-in", store.certificateFile().toString(), "-noout", "-text");
        assertThat(text).contains("ASN1 OID: prime256v1", "DNS:tv.example.net", "DNS:localhost",
                "IP Address:127.0.0.1", "TLS Web Server Authentication", "CA:FALSE", "Subject: CN = tv.example.net, O = Headwater self-signed");
        for (Path file : List.of(store.certificateFile(), store.keyFile())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        OpenSsl.run(dir, "pkey", "-in", store.keyFile().toString(), "-noout");
    }

    @Test
    void reusesTheStoredCertificateUntilItNoLongerFits() {
        SelfSignedStore store = new SelfSignedStore(dir);
        SubjectNames names = new SubjectNames(List.of("localhost"), List.of(InetAddress.getLoopbackAddress()));
        TlsIdentity first = store.loadOrCreate(names, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(397));

        TlsIdentity again = store.loadOrCreate(names, Clock.fixed(NOW.plus(Duration.ofDays(300)), ZoneOffset.UTC),
                Duration.ofDays(397));
        TlsIdentity renamed = store.loadOrCreate(new SubjectNames(List.of("tv.example.net"), List.of()),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(397));
        TlsIdentity expiring = store.loadOrCreate(new SubjectNames(List.of("tv.example.net"), List.of()),
                Clock.fixed(NOW.plus(Duration.ofDays(380)), ZoneOffset.UTC), Duration.ofDays(397));

        assertThat(again.leaf()).isEqualTo(first.leaf());
        assertThat(renamed.leaf()).isNotEqualTo(first.leaf());
        assertThat(SelfSignedCertificate.namesOf(renamed.leaf()).dnsNames()).containsExactly("tv.example.net");
        assertThat(expiring.leaf()).isNotEqualTo(renamed.leaf());
    }

    @Test
    void replacesAStoredCertificateThatCannotBeRead() throws Exception {
        SelfSignedStore store = new SelfSignedStore(dir);
        Files.writeString(store.certificateFile(), "garbage");
        Files.writeString(store.keyFile(), "garbage");

        TlsIdentity made = store.loadOrCreate(new SubjectNames(List.of("localhost"), List.of()),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(397));

        assertThat(PemIdentityReader.certificates(Files.readString(store.certificateFile()), "c"))
                .containsExactly(made.leaf());
    }
}
