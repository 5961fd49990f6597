package headwater.delivery;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts an encrypted archived segment (whole-segment AES-128-CBC with PKCS7 padding, RFC 8216
 * {@code METHOD=AES-128}) for the archive's continuous MPEG-TS, which is not HLS: players of a {@code .ts} stream know
 * nothing of keys, so the stream is sent in the clear, inside its session, like the live {@code .ts}.
 */
final class ArchiveDecryption {

    private ArchiveDecryption() {
    }

    /**
     * @throws GeneralSecurityException the bytes are not a whole number of blocks, or the key or IV is not the one
     *     they were encrypted with (bad padding)
     */
    static byte[] decrypt(byte[] key, byte[] iv, byte[] encrypted) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher.doFinal(encrypted);
    }
}
