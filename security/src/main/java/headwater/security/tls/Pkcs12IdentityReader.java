package headwater.security.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a PKCS#12 keystore ({@code .p12}/{@code .pfx}, e.g. {@code openssl pkcs12 -export}): the first entry with a
 * private key, and its certificate chain. The store and the key share the one password.
 */
public final class Pkcs12IdentityReader {

    /** Largest keystore read. */
    public static final int MAX_BYTES = 1 << 20;

    private Pkcs12IdentityReader() {
    }

    /**
     * @throws TlsMaterialException naming the file and what is wrong: unreadable, not PKCS#12, wrong password, no key
     */
    public static TlsIdentity read(Path file, char[] password) throws TlsMaterialException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new TlsMaterialException(file.toString(), "larger than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TlsMaterialException(file.toString(), "cannot be read: " + e, e);
        }
        return read(bytes, password, file.toString());
    }

    public static TlsIdentity read(byte[] bytes, char[] password, String source) throws TlsMaterialException {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new TlsMaterialException(source, "wrong keystore password");
            }
            throw new TlsMaterialException(source, "not a PKCS#12 keystore, or a wrong password (" + e.getMessage()
                    + ")");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new TlsMaterialException(source, "not a usable PKCS#12 keystore (" + e.getMessage() + ")");
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
                    continue;
                }
                List<X509Certificate> certificates = new ArrayList<>();
                for (Certificate certificate : chain) {
                    if (!(certificate instanceof X509Certificate x509)) {
                        throw new TlsMaterialException(source, "entry '" + alias + "' holds a "
                                + certificate.getType() + " certificate, not X.509");
                    }
                    certificates.add(x509);
                }
                if (!KeyPairing.matches(privateKey, certificates.getFirst())) {
                    throw new TlsMaterialException(source, "entry '" + alias
                            + "': the private key does not belong to the first certificate of its chain");
                }
                return new TlsIdentity(privateKey, certificates);
            }
        } catch (UnrecoverableKeyException e) {
            throw new TlsMaterialException(source, "the private key's password differs from the keystore's");
        } catch (GeneralSecurityException e) {
            throw new TlsMaterialException(source, "cannot read an entry: " + e.getMessage());
        }
        throw new TlsMaterialException(source, "no entry with a private key and its certificate");
    }
}
