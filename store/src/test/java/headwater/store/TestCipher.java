package headwater.store;

import headwater.domain.protect.FieldCipher;
import headwater.domain.protect.SealedValueException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real AES-256-GCM {@link FieldCipher} under one random key per test run, for the store's tests (the store cannot
 * see the envelope cipher in {@code security}; the application's tests run the two together). Sealed text is
 * {@code t1.<base64url(iv || ciphertext || tag)>}, the field as associated data.
 */
public final class TestCipher implements FieldCipher {

    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String PREFIX = "t1.";
    public static final TestCipher INSTANCE = new TestCipher();

    private final SecretKeySpec key;

    private TestCipher() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        key = new SecretKeySpec(bytes, "AES");
    }

    @Override
    public String seal(String field, byte[] plaintext) {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            byte[] box = Arrays.copyOf(iv, 12 + plaintext.length + 16);
            cipher(Cipher.ENCRYPT_MODE, iv, field).doFinal(plaintext, 0, plaintext.length, box, 12);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(box);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] open(String field, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new SealedValueException("not sealed");
        }
        try {
            byte[] box = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
            return cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(box, 12), field).doFinal(box, 12, box.length - 12);
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new SealedValueException("does not open for " + field, e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String field) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, iv));
        cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
