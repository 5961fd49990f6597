package headwater.app.wiring;

import headwater.app.config.ConfigException;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.TlsConfig;
import headwater.security.tls.PemIdentityReader;
import headwater.security.tls.Pkcs12IdentityReader;
import headwater.security.tls.SelfSignedStore;
import headwater.security.tls.TlsMaterialException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the command line (and tests) trust the server they talk to: the certificate of the configuration (the
 * operator's files, or the self-signed one in {@code <dataDir>/tls/}) as the one trust anchor, so that a self-signed
 * server is reached without turning certificate checks off.
 */
public final class ServerTrust {

    private ServerTrust() {
    }

    /** A TLS context that trusts the certificates of {@code config}'s server. */
    public static SSLContext context(HeadwaterConfig config) {
        return context(certificates(config.tls(), config.dataDir()));
    }

    /**
     * {@link #context(HeadwaterConfig)}, or the JDK's default context (the public CAs) when the configuration names no
     * certificate that exists yet.
     */
    public static SSLContext orDefault(HeadwaterConfig config) {
        try {
            return context(config);
        } catch (ConfigException e) {
            try {
                return SSLContext.getDefault();
            } catch (GeneralSecurityException missing) {
                throw new IllegalStateException("this Java has no default TLS context", missing);
            }
        }
    }

    /** A TLS context that trusts exactly these certificates. */
    public static SSLContext context(List<X509Certificate> anchors) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("server-" + i, anchors.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a TLS context: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(TlsConfig tls, Path dataDir) {
        try {
            if (tls.keystore().isPresent()) {
                return Pkcs12IdentityReader.read(tls.keystore().get(), tls.keystorePassword().orElse("").toCharArray())
                        .chain();
            }
            Path file = tls.certificate().orElse(dataDir.resolve(TlsConfig.SELF_SIGNED_DIR)
                    .resolve(SelfSignedStore.CERTIFICATE_FILE));
            if (!Files.exists(file)) {
                throw new ConfigException("tls: " + file + " does not exist yet: the server makes it at its first"
                        + " start");
            }
            return PemIdentityReader.certificates(Files.readString(file), file.toString());
        } catch (TlsMaterialException | IOException e) {
            throw new ConfigException("tls: " + e.getMessage());
        }
    }
}
