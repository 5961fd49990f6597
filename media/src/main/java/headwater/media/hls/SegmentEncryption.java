package headwater.media.hls;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How one of our segments is encrypted: whole-segment AES-128 (RFC 8216 §4.3.2.4, {@code METHOD=AES-128}) under the
 * channel's key {@code keyId}, with its own random IV. The key itself is never here: players fetch it from the
 * relative {@link #keyUri()}, inside their playback session.
 *
 * @param keyId the key's id: 1..64 of {@code [0-9a-f]}, so that it is safe in a URI and a file name
 * @param iv    the 128-bit initialisation vector of this segment
 */
public record SegmentEncryption(String keyId, byte[] iv) {

    /** Longest key id. */
    public static final int MAX_KEY_ID_LENGTH = 64;

    public SegmentEncryption {
        if (!isKeyId(keyId)) {
            throw new IllegalArgumentException("key id must be 1.." + MAX_KEY_ID_LENGTH + " of [0-9a-f], got '"
                    + keyId + "'");
        }
        Objects.requireNonNull(iv, "iv");
        if (iv.length != SegmentCipher.BLOCK_BYTES) {
            throw new IllegalArgumentException("IV is " + iv.length + " bytes, not " + SegmentCipher.BLOCK_BYTES);
        }
        iv = iv.clone();
    }

    /** Whether {@code text} can name a key: 1..64 of {@code [0-9a-f]}. */
    public static boolean isKeyId(CharSequence text) {
        if (text == null || text.isEmpty() || text.length() > MAX_KEY_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** Parses {@link #ivHex()} back; null when {@code hex} is not 32 hex digits. */
    public static byte[] parseIv(String hex) {
        if (hex == null || hex.length() != 2 * SegmentCipher.BLOCK_BYTES) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    /** The IV as 32 lower-case hex digits, for indexes. */
    public String ivHex() {
        return HexFormat.of().formatHex(iv);
    }

    /** The key's URI relative to the playlist: {@code key/{keyId}.key}. */
    public String keyUri() {
        return "key/" + keyId + ".key";
    }

    /** The {@code EXT-X-KEY} of the segment. */
    public SegmentKey segmentKey() {
        return new SegmentKey(KeyMethod.AES_128, keyUri(), iv);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentEncryption e && e.keyId.equals(keyId) && Arrays.equals(e.iv, iv);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(iv);
    }

    @Override
    public String toString() {
        return "SegmentEncryption[keyId=" + keyId + ", iv=0x" + ivHex() + "]";
    }
}
