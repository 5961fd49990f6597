package headwater.security.tls;

import java.io.IOException;
import java.security.PrivateKey;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Turns the PEM blocks that hold a private key into a key: {@code PRIVATE KEY} (PKCS#8), {@code RSA PRIVATE KEY}
 * (PKCS#1), {@code EC PRIVATE KEY} (SEC 1, with its named curve) and {@code ENCRYPTED PRIVATE KEY} (PKCS#8 with
 * PBES2, e.g. {@code openssl pkcs8 -topk8 -v2 aes-256-cbc}). Bouncy Castle's provider is used only for decrypting,
 * as an instance, never registered globally.
 */
final class PrivateKeyBlock {

    static final String PKCS8 = "PRIVATE KEY";
    static final String PKCS1_RSA = "RSA PRIVATE KEY";
    static final String SEC1_EC = "EC PRIVATE KEY";
    static final String ENCRYPTED_PKCS8 = "ENCRYPTED PRIVATE KEY";

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private PrivateKeyBlock() {
    }

    static boolean isKey(PemBlock block) {
        return switch (block.label()) {
            case PKCS8, PKCS1_RSA, SEC1_EC, ENCRYPTED_PKCS8 -> true;
            default -> false;
        };
    }

    /**
     * @param password for an {@code ENCRYPTED PRIVATE KEY}; ignored for the others
     * @throws TlsMaterialException naming the block and what is wrong
     */
    static PrivateKey decode(PemBlock block, Optional<char[]> password, String source) throws TlsMaterialException {
        PrivateKeyInfo info;
        try {
            info = switch (block.label()) {
                case PKCS8 -> PrivateKeyInfo.getInstance(block.der());
                case PKCS1_RSA -> new PrivateKeyInfo(
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        RSAPrivateKey.getInstance(block.der()));
                case SEC1_EC -> sec1(block, source);
                case ENCRYPTED_PKCS8 -> decrypt(block, password, source);
                default -> throw new TlsMaterialException(source, "the " + block.describe() + " is not a private key");
            };
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException
                 | IndexOutOfBoundsException e) {
            throw new TlsMaterialException(source, "the " + block.describe() + " is not a valid " + block.label()
                    + " structure (" + e.getMessage() + ")");
        }
        if (info == null) {
            throw new TlsMaterialException(source, "the " + block.describe() + " is empty");
        }
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException | RuntimeException e) {
            throw new TlsMaterialException(source, "the " + block.describe() + " holds a key this Java cannot use ("
                    + info.getPrivateKeyAlgorithm().getAlgorithm() + "): " + e.getMessage());
        }
    }

    private static PrivateKeyInfo sec1(PemBlock block, String source) throws TlsMaterialException {
        ECPrivateKey ec = ECPrivateKey.getInstance(block.der());
        ASN1Encodable curve = ec.getParametersObject();
        if (curve == null) {
            throw new TlsMaterialException(source, "the " + block.describe() + " does not name its curve");
        }
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), ec);
        } catch (IOException e) {
            throw new TlsMaterialException(source, "the " + block.describe() + " cannot be re-encoded: "
                    + e.getMessage());
        }
    }

    private static PrivateKeyInfo decrypt(PemBlock block, Optional<char[]> password, String source)
            throws TlsMaterialException {
        if (password.isEmpty()) {
            throw new TlsMaterialException(source, "the " + block.describe()
                    + " is encrypted and no password was given");
        }
        try {
            PKCS8EncryptedPrivateKeyInfo encrypted = new PKCS8EncryptedPrivateKeyInfo(block.der());
            return encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(password.get()));
        } catch (PKCSException e) {
            throw new TlsMaterialException(source, "the " + block.describe()
                    + " cannot be decrypted: wrong password, or an encryption this reader does not know");
        } catch (OperatorCreationException | IOException e) {
            throw new TlsMaterialException(source, "the " + block.describe() + " cannot be decrypted: "
                    + e.getMessage());
        }
    }
}
