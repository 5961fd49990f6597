package headwater.security.crypto;

import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stored form of a sealed value: {@code hw1.<dataKeyId>.<base64url(iv || ciphertext || tag)>}, unpadded URL-safe
 * base64, ASCII without spaces. {@code hw1} names this format (AES-256-GCM, 96-bit IV, 128-bit tag, AAD
 * {@code hw1.<dataKeyId>.<field>}), so a later format can be told apart.
 *
 * @param keyId the data key's id
 * @param box   {@code iv || ciphertext || tag}
 */
public record SealedText(String keyId, byte[] box) {

    public static final String PREFIX = "hw1.";
    /** Longest accepted text: a sealed value is a secret or a contact detail, not a document. */
    public static final int MAX_LENGTH = 64 * 1024;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

    public SealedText {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(box, "box");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a data key id is 1 to 32 of A-Z a-z 0-9 _ -");
        }
        box = box.clone();
    }

    /** Whether {@code text} claims to be sealed text (starts with {@value #PREFIX}); says nothing of its validity. */
    public static boolean looksSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** Whether {@code id} may name a data key. */
    public static boolean isKeyId(String id) {
        return id != null && KEY_ID.matcher(id).matches();
    }

    /**
     * @throws UnsealableException not sealed text of this format (the message never quotes the text)
     */
    public static SealedText parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new UnsealableException("not a sealed value: it does not start with " + PREFIX);
        }
        if (text.length() > MAX_LENGTH) {
            throw new UnsealableException("sealed value of " + text.length() + " characters is longer than "
                    + MAX_LENGTH);
        }
        int dot = text.indexOf('.', PREFIX.length());
        if (dot < 0) {
            throw new UnsealableException("sealed value has no '.' after its data key id");
        }
        String keyId = text.substring(PREFIX.length(), dot);
        String payload = text.substring(dot + 1);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new UnsealableException("sealed value names no valid data key id");
        }
        if (!BASE64URL.matcher(payload).matches() || payload.length() % 4 == 1) {
            throw new UnsealableException("sealed value's payload is not unpadded base64url");
        }
        byte[] box = Base64.getUrlDecoder().decode(payload);
        if (box.length < Aes256Gcm.OVERHEAD) {
            throw new UnsealableException("sealed value's payload of " + box.length + " bytes is shorter than IV and tag");
        }
        return new SealedText(keyId, box);
    }

    public String format() {
        return PREFIX + keyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(box);
    }

    @Override
    public byte[] box() {
        return box.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedText that && keyId.equals(that.keyId) && java.util.Arrays.equals(box, that.box);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode() * 31 + java.util.Arrays.hashCode(box);
    }

    @Override
    public String toString() {
        return "SealedText[" + keyId + ", " + box.length + " bytes]";
    }
}
