package headwater.security.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * Writes a {@link TlsIdentity} as PEM: the chain as {@code CERTIFICATE} blocks, the key as PKCS#8
 * {@code PRIVATE KEY}. Each file is written to a temporary file that only the owner can read or write (0600) and then
 * moved over the old one atomically, so a reader never sees half a file.
 */
public final class PemWriter {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private PemWriter() {
    }

    public static String certificates(TlsIdentity identity) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : identity.chain()) {
            try {
                pem.append(block("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a parsed certificate always encodes: " + e.getMessage(), e);
            }
        }
        return pem.toString();
    }

    public static String privateKey(TlsIdentity identity) {
        return block("PRIVATE KEY", identity.privateKey().getEncoded());
    }

    /** Writes the chain to {@code certificateFile} and the key to {@code keyFile}, both 0600. */
    public static void write(TlsIdentity identity, Path certificateFile, Path keyFile) throws IOException {
        writeOwnerOnly(keyFile, privateKey(identity));
        writeOwnerOnly(certificateFile, certificates(identity));
    }

    private static String block(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary = dir.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process writes " + file + " at the same time", e);
        }
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
