package headwater.security.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh 96-bit random IV per message and a 128-bit tag (NIST SP 800-38D), laid out as
 * {@code iv || ciphertext || tag}. Random IVs keep a key safe for 2^32 messages; a data key seals far fewer before
 * rotation. Stateless and thread-safe.
 */
final class Aes256Gcm {

    static final int KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    /** The smallest box: IV and tag around an empty message. */
    static final int OVERHEAD = IV_BYTES + TAG_BITS / 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Aes256Gcm() {
    }

    static byte[] seal(byte[] key, byte[] associated, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, associated);
            byte[] box = Arrays.copyOf(iv, IV_BYTES + cipher.getOutputSize(plaintext.length));
            cipher.doFinal(plaintext, 0, plaintext.length, box, IV_BYTES);
            return box;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK: " + e, e);
        }
    }

    /** @throws UnsealableException the box is too short, or its tag does not match (altered, or another key/AAD) */
    static byte[] open(byte[] key, byte[] associated, byte[] box) {
        if (box.length < OVERHEAD) {
            throw new UnsealableException("sealed box of " + box.length + " bytes is shorter than IV and tag ("
                    + OVERHEAD + ")");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(box, IV_BYTES), associated);
            return cipher.doFinal(box, IV_BYTES, box.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new UnsealableException("authentication tag does not match: altered, sealed for another field, or "
                    + "under another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JDK: " + e, e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, byte[] associated)
            throws GeneralSecurityException {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 key must be " + KEY_BYTES + " bytes, got " + key.length);
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(associated);
        return cipher;
    }

    static byte[] randomKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }
}
