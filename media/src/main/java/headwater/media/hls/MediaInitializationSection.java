package headwater.media.hls;

import java.util.Objects;

/**
 * {@code EXT-X-MAP} (RFC 8216 §4.3.2.5): the initialisation section (fMP4 {@code moov}, or a TS PAT/PMT) the
 * following segments need. Headwater only packages MPEG-TS, so a source that declares one is refused by the caller.
 *
 * @param byteRange the sub-range of {@code uri}, or null for the whole resource
 */
public record MediaInitializationSection(String uri, ByteRange byteRange) {
    public MediaInitializationSection {
        Objects.requireNonNull(uri, "uri");
    }
}
