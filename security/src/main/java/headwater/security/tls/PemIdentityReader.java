package headwater.security.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the operator's PEM files: the certificate chain (the server's certificate first, then its intermediates; other
 * blocks in the file are ignored) and one private key (see {@link PrivateKeyBlock} for the forms). Both may be in the
 * same file. The key must belong to the first certificate.
 */
public final class PemIdentityReader {

    private PemIdentityReader() {
    }

    /**
     * @param certificateFile the chain, leaf first
     * @param keyFile         the private key (may be the same file)
     * @param password        for an encrypted key
     * @throws TlsMaterialException naming the file and what is wrong in it
     */
    public static TlsIdentity read(Path certificateFile, Path keyFile, Optional<char[]> password)
            throws TlsMaterialException {
        return read(text(certificateFile), certificateFile.toString(), text(keyFile), keyFile.toString(), password);
    }

    /**
     * @throws TlsMaterialException naming the source and what is wrong in it
     */
    public static TlsIdentity read(String certificatePem, String certificateSource, String keyPem, String keySource,
                                   Optional<char[]> password) throws TlsMaterialException {
        List<X509Certificate> chain = certificates(certificatePem, certificateSource);
        PrivateKey key = privateKey(keyPem, keySource, password);
        if (!KeyPairing.matches(key, chain.getFirst())) {
            throw new TlsMaterialException(keySource, "the private key does not belong to the first certificate of "
                    + certificateSource + " (" + chain.getFirst().getSubjectX500Principal().getName() + ")");
        }
        return new TlsIdentity(key, chain);
    }

    /** The {@code CERTIFICATE} blocks of a PEM text, in order. */
    public static List<X509Certificate> certificates(String pem, String source) throws TlsMaterialException {
        List<X509Certificate> chain = new ArrayList<>();
        for (PemBlock block : PemText.blocks(pem, source)) {
            if (block.label().equals("CERTIFICATE")) {
                chain.add(certificate(block, source));
            }
        }
        if (chain.isEmpty()) {
            throw new TlsMaterialException(source, "no CERTIFICATE block");
        }
        return chain;
    }

    /** The one private-key block of a PEM text. */
    public static PrivateKey privateKey(String pem, String source, Optional<char[]> password)
            throws TlsMaterialException {
        PemBlock found = null;
        for (PemBlock block : PemText.blocks(pem, source)) {
            if (PrivateKeyBlock.isKey(block)) {
                if (found != null) {
                    throw new TlsMaterialException(source, "two private keys: the " + found.describe()
                            + " and the " + block.describe());
                }
                found = block;
            }
        }
        if (found == null) {
            throw new TlsMaterialException(source, "no private key block (PRIVATE KEY, RSA PRIVATE KEY, "
                    + "EC PRIVATE KEY or ENCRYPTED PRIVATE KEY)");
        }
        return PrivateKeyBlock.decode(found, password, source);
    }

    private static X509Certificate certificate(PemBlock block, String source) throws TlsMaterialException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(block.der()));
        } catch (CertificateException | RuntimeException e) {
            throw new TlsMaterialException(source, "the " + block.describe() + " is not a valid X.509 certificate ("
                    + e.getMessage() + ")");
        }
    }

    static String text(Path file) throws TlsMaterialException {
        try {
            if (Files.size(file) > PemText.MAX_CHARS) {
                throw new TlsMaterialException(file.toString(), "larger than " + PemText.MAX_CHARS
                        + " bytes, not a PEM file");
            }
            return StandardCharsets.US_ASCII.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new TlsMaterialException(file.toString(), "not a PEM text (bytes outside ASCII: DER or PKCS#12? "
                    + "A PKCS#12 file is read as a keystore)");
        } catch (IOException e) {
            throw new TlsMaterialException(file.toString(), "cannot be read: " + e, e);
        }
    }
}
