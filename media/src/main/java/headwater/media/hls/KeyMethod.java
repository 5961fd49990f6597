package headwater.media.hls;

/** The {@code METHOD} of an {@code EXT-X-KEY} (RFC 8216 §4.3.2.4). */
public enum KeyMethod {
    NONE("NONE"),
    AES_128("AES-128"),
    SAMPLE_AES("SAMPLE-AES"),
    SAMPLE_AES_CTR("SAMPLE-AES-CTR");

    private final String tag;

    KeyMethod(String tag) {
        this.tag = tag;
    }

    /** The value as written in the playlist. */
    public String tag() {
        return tag;
    }

    /** The method a tag value names, or null when it names none. */
    public static KeyMethod ofTag(String value) {
        for (KeyMethod m : values()) {
            if (m.tag.equals(value)) {
                return m;
            }
        }
        return null;
    }
}
