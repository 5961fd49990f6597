package headwater.security.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What a TLS server presents: its private key and its certificate chain, the key's own certificate (the leaf) first.
 * {@link #toString} names the leaf, never the key.
 */
public record TlsIdentity(PrivateKey privateKey, List<X509Certificate> chain) {

    public TlsIdentity {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a TLS identity needs at least its own certificate");
        }
    }

    /** The certificate of the private key. */
    public X509Certificate leaf() {
        return chain.getFirst();
    }

    @Override
    public String toString() {
        X509Certificate leaf = leaf();
        return "TlsIdentity[" + leaf.getSubjectX500Principal().getName() + ", " + privateKey.getAlgorithm()
                + " key, valid until " + leaf.getNotAfter().toInstant() + ", chain of " + chain.size() + "]";
    }
}
