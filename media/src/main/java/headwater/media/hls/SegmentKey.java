package headwater.media.hls;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How the segments after an {@code EXT-X-KEY} tag are encrypted (RFC 8216 §4.3.2.4). {@code METHOD=NONE} is not a
 * key: segments without encryption carry no {@code SegmentKey}.
 *
 * @param uri where the key is fetched from (resolved against the playlist's URI when parsed)
 * @param iv the 128-bit initialisation vector, or null when the media sequence number is the IV
 * @param keyFormat {@code KEYFORMAT}, {@code "identity"} by default
 * @param keyFormatVersions {@code KEYFORMATVERSIONS}, {@code "1"} by default
 */
public record SegmentKey(KeyMethod method, String uri, byte[] iv, String keyFormat, String keyFormatVersions) {
    public static final String IDENTITY = "identity";

    public SegmentKey {
        if (method == null || method == KeyMethod.NONE) {
            throw new IllegalArgumentException("a segment key needs a method other than NONE, got " + method);
        }
        Objects.requireNonNull(uri, "uri");
        if (iv != null && iv.length != 16) {
            throw new IllegalArgumentException("IV is " + iv.length + " bytes, not 16");
        }
        iv = iv == null ? null : iv.clone();
        keyFormat = keyFormat == null ? IDENTITY : keyFormat;
        keyFormatVersions = keyFormatVersions == null ? "1" : keyFormatVersions;
    }

    public SegmentKey(KeyMethod method, String uri, byte[] iv) {
        this(method, uri, iv, null, null);
    }

    @Override
    public byte[] iv() {
        return iv == null ? null : iv.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentKey k && k.method == method && k.uri.equals(uri) && Arrays.equals(k.iv, iv)
                && k.keyFormat.equals(keyFormat) && k.keyFormatVersions.equals(keyFormatVersions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, Arrays.hashCode(iv), keyFormat, keyFormatVersions);
    }

    @Override
    public String toString() {
        return "SegmentKey[method=" + method + ", uri=" + uri
                + (iv == null ? "" : ", iv=0x" + HexFormat.of().formatHex(iv))
                + (keyFormat.equals(IDENTITY) ? "" : ", keyFormat=" + keyFormat) + "]";
    }
}
