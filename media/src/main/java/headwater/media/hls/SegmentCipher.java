package headwater.media.hls;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Whole-segment AES-128 as HLS players decrypt it (RFC 8216 §4.3.2.4 {@code METHOD=AES-128}): AES-128 in CBC mode
 * over the entire segment, PKCS7 padding (which the JDK names PKCS5Padding for a 16-byte block), a 16-byte key and
 * the IV of the segment's {@code EXT-X-KEY}. The ciphertext is always 1..16 bytes longer than the clear segment.
 */
public final class SegmentCipher {

    /** AES block, key and IV length in bytes. */
    public static final int BLOCK_BYTES = 16;
    private static final String TRANSFORMATION = "AES/CBC/PKCS5Padding";

    private SegmentCipher() {
    }

    /** A cipher that encrypts one segment: feed it with {@code update}, end it with {@code doFinal}. */
    public static Cipher encryptor(byte[] key, byte[] iv) {
        return cipher(Cipher.ENCRYPT_MODE, key, iv);
    }

    /** A cipher that decrypts one segment (and removes its padding at {@code doFinal}). */
    public static Cipher decryptor(byte[] key, byte[] iv) {
        return cipher(Cipher.DECRYPT_MODE, key, iv);
    }

    /** The whole segment encrypted. */
    public static byte[] encrypt(byte[] key, byte[] iv, byte[] clear) {
        try {
            return encryptor(key, iv).doFinal(clear);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CBC encryption failed", e);
        }
    }

    /**
     * The whole segment decrypted.
     *
     * @throws GeneralSecurityException the ciphertext is not a whole number of blocks or its padding is wrong (the
     *     wrong key or IV)
     */
    public static byte[] decrypt(byte[] key, byte[] iv, byte[] encrypted) throws GeneralSecurityException {
        return decryptor(key, iv).doFinal(encrypted);
    }

    /** The length of a segment of {@code clearBytes} once encrypted: padded up to the next whole block. */
    public static long encryptedLength(long clearBytes) {
        return (clearBytes / BLOCK_BYTES + 1) * BLOCK_BYTES;
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv) {
        if (key == null || key.length != BLOCK_BYTES || iv == null || iv.length != BLOCK_BYTES) {
            throw new IllegalArgumentException("AES-128 needs a 16-byte key and a 16-byte IV");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CBC is not available in this JDK", e);
        }
    }
}
