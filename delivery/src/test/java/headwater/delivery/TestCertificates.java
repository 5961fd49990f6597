package headwater.delivery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Server certificates made by the real openssl, and client contexts that trust them. */
final class TestCertificates {

    private TestCertificates() {
    }

    /** An EC P-256 self-signed certificate for 127.0.0.1 and localhost, named {@code cn}. */
    static ServerCertificate make(Path dir, String cn) throws Exception {
        return make(dir, cn, "EC", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
    }

    /** An RSA 2048 self-signed certificate for 127.0.0.1 and localhost, named {@code cn}. */
    static ServerCertificate makeRsa(Path dir, String cn) throws Exception {
        return make(dir, cn, "RSA", "rsa:2048");
    }

    private static ServerCertificate make(Path dir, String cn, String algorithm, String... newKey) throws Exception {
        Path key = dir.resolve(cn + ".key");
        Path certificate = dir.resolve(cn + ".crt");
        java.util.List<String> command = new java.util.ArrayList<>(List.of("openssl", "req", "-x509", "-newkey"));
        command.addAll(List.of(newKey));
        command.addAll(List.of("-nodes",
                "-keyout", key.toString(), "-out", certificate.toString(), "-days", "2", "-subj", "/CN=" + cn,
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"));
        run(dir, command.toArray(String[]::new));
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(key)
                .replaceAll("-----[A-Z ]+-----", ""));
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate)));
        return new ServerCertificate(KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der)),
                List.of(x509));
    }

    /** A client context that trusts exactly these certificates. */
    static SSLContext trusting(ServerCertificate... certificates) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            store.setCertificateEntry("c" + i, certificates[i].chain().getFirst());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        return exit + "\n" + output;
    }
}
