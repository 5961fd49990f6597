package headwater.security.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The Ed25519 key that signs exported audit heads, kept in a file readable by its owner only ({@code 0600}): two
 * lines, {@code private <base64 PKCS#8>} and {@code public <base64 X.509>}. {@link #toString()} shows the public key's
 * start only.
 */
public final class AuditSigningKey {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private AuditSigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key in {@code file}, made there first if there is none. */
    public static AuditSigningKey readOrCreate(Path file) {
        if (!Files.exists(file)) {
            try {
                write(file);
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof FileAlreadyExistsException)) {
                    throw e;
                }
            }
        }
        return read(file);
    }

    /**
     * @throws UncheckedIOException     the file cannot be read
     * @throws IllegalArgumentException it does not hold an Ed25519 key pair (naming the file, never its content)
     */
    public static AuditSigningKey read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit signing key " + file + ": " + e.getMessage(), e);
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(field(lines, "private")));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(field(lines, "public")));
            return new AuditSigningKey(privateKey, publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the audit signing key file " + file + " does not hold an Ed25519 key "
                    + "pair (lines 'private <base64 PKCS#8>' and 'public <base64 X.509>')");
        }
    }

    private static byte[] field(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name + " ")).findFirst()
                .map(l -> Base64.getDecoder().decode(l.substring(name.length() + 1).strip()))
                .orElseThrow(() -> new IllegalArgumentException("no " + name + " line"));
    }

    private static void write(Path file) {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK: " + e, e);
        }
        String text = "private " + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                + "public " + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n";
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try {
            Files.createDirectories(absolute.getParent());
            Files.deleteIfExists(temporary);
            if (Files.getFileAttributeView(absolute.getParent(), PosixFileAttributeView.class) != null) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.createLink(absolute, temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit signing key " + absolute + ": " + e, e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the key (or the failure) is what matters
            }
        }
    }

    /** An Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed: " + e, e);
        }
    }

    /** Whether {@code signature} is this key's signature of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The public key, X.509 in base64, for whoever checks heads elsewhere. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    @Override
    public String toString() {
        String key = publicKeyBase64();
        return "AuditSigningKey[public " + key.substring(key.length() - 12) + "]";
    }
}
