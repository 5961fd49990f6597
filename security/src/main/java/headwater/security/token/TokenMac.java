package headwater.security.token;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * One thread's HMAC-SHA256 for one key, with its scratch buffers: the message {@code head "|" scope} is fed through
 * a small byte buffer, so a MAC allocates nothing for ASCII scopes. Not thread-safe: {@link TokenKeyRing} keeps one
 * per thread and key.
 */
final class TokenMac {

    static final String ALGORITHM = "HmacSHA256";
    /** Bytes of the MAC carried in a token: the first half of HMAC-SHA256. */
    static final int BYTES = 16;

    private final Mac mac;
    private final byte[] chunk = new byte[128];
    private final byte[] out = new byte[32];

    TokenMac(TokenKey key) {
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.secretBytes(), ALGORITHM));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("the JDK cannot make an " + ALGORITHM + " for token key " + key.id(), e);
        }
    }

    /**
     * HMAC-SHA256 of {@code head[0, headLength) "|" scope}; the result is in {@link #result()} until the next call.
     */
    void compute(CharSequence head, int headLength, CharSequence scope) {
        mac.reset(); // a no-op after doFinal; clears what an earlier call left if it threw half way
        feed(head, 0, headLength);
        mac.update((byte) '|');
        feed(scope, 0, scope.length());
        try {
            mac.doFinal(out, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] result() {
        return out;
    }

    private void feed(CharSequence text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                mac.update(chunk, 0, n);
                mac.update(text.subSequence(i, to).toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (n == chunk.length) {
                mac.update(chunk, 0, n);
                n = 0;
            }
            chunk[n++] = (byte) c;
        }
        mac.update(chunk, 0, n);
    }
}
