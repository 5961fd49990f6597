package headwater.delivery;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A published segment on disk. Segments are immutable once published: the file at {@code path} is complete, has
 * exactly {@code size} bytes and never changes until the headend deletes it when it leaves the window.
 *
 * @param path absolute path of the complete segment file; chosen by the headend, never derived from a URL
 * @param size the file's length in bytes, used for {@code Content-Length} and byte ranges without a stat call
 */
public record SegmentFile(Path path, long size) implements SegmentLookup {
    public SegmentFile {
        Objects.requireNonNull(path, "path");
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("segment path must be absolute: " + path);
        }
        if (size < 0) {
            throw new IllegalArgumentException("segment size must not be negative: " + size + " for " + path);
        }
    }
}
