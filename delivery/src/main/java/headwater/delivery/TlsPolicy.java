package headwater.delivery;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;

/**
 * What the HTTPS listener accepts: TLS 1.3 and 1.2 only (1.0 and 1.1 are refused in the handshake), with Mozilla's
 * "intermediate" cipher suites for 1.2 (forward secrecy and AEAD only: ECDHE and DHE with AES-GCM or ChaCha20-Poly1305)
 * and the three suites of 1.3; HTTP/1.1 without ALPN, so that segments keep their sendfile path.
 */
final class TlsPolicy {

    static final Set<String> PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");

    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsPolicy() {
    }

    static ServerSSLOptions sslOptions(ServerCertificate certificate) {
        ServerSSLOptions options = new ServerSSLOptions()
                .setKeyCertOptions(keyCert(certificate))
                .setEnabledSecureTransportProtocols(PROTOCOLS)
                .setUseAlpn(false);
        CIPHER_SUITES.forEach(options::addEnabledCipherSuite);
        return options;
    }

    static HttpServerOptions secure(HttpServerOptions options, ServerCertificate certificate) {
        options.setSsl(true)
                .setKeyCertOptions(keyCert(certificate))
                .setEnabledSecureTransportProtocols(PROTOCOLS)
                .setUseAlpn(false);
        CIPHER_SUITES.forEach(options::addEnabledCipherSuite);
        return options;
    }

    /** The key and chain as a key manager, in memory: nothing is written for Vert.x to read back. */
    static KeyCertOptions keyCert(ServerCertificate certificate) {
        char[] password = new char[0];
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", certificate.privateKey(), password,
                    certificate.chain().toArray(X509Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return KeyCertOptions.wrap(factory);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("the server certificate cannot be used for TLS: " + e.getMessage(), e);
        }
    }
}
