package headwater.delivery;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The key and certificate chain the HTTPS listener presents, the key's own certificate first. {@link #toString}
 * never shows the key.
 */
public record ServerCertificate(PrivateKey privateKey, List<X509Certificate> chain) {

    public ServerCertificate {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least its own certificate");
        }
    }

    @Override
    public String toString() {
        return "ServerCertificate[" + chain.getFirst().getSubjectX500Principal().getName() + ", until "
                + chain.getFirst().getNotAfter().toInstant() + "]";
    }
}
