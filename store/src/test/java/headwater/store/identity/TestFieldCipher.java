package headwater.store.identity;

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
 * A real AES-256-GCM FieldCipher with a key made per test run, the field as associated data: enough for the store's
 * tests to see that only sealed text reaches the table. The application's cipher (envelope keys, rotation) is
 * security's.
 */
public final class TestFieldCipher implements FieldCipher {

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public TestFieldCipher() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        key = new SecretKeySpec(bytes, "AES");
    }

    @Override
    public String seal(String field, byte[] plaintext) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = Arrays.copyOf(iv, iv.length + sealed.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return "test:" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] open(String field, String sealed) {
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring("test:".length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(in, 12, in.length - 12);
        } catch (GeneralSecurityException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new SealedValueException("cannot open a value of " + field, e);
        }
    }
}
