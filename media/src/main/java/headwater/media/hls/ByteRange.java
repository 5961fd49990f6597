package headwater.media.hls;

/**
 * A sub-range of a resource, as {@code EXT-X-BYTERANGE} and the {@code BYTERANGE} attribute of {@code EXT-X-MAP} give
 * it (RFC 8216 §4.3.2.2). The offset is always explicit here: an implicit one is resolved while parsing.
 */
public record ByteRange(long length, long offset) {
    public ByteRange {
        if (length < 0 || offset < 0) {
            throw new IllegalArgumentException("byte range " + length + "@" + offset + " is negative");
        }
    }

    /** The offset of the first byte after the range. */
    public long end() {
        return offset + length;
    }
}
