package headwater.app.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The catch-up archive ({@code archive.*}): where channels with archive days record their segments, and how much disk
 * all archives together may use (the oldest segments of any channel are deleted beyond it).
 *
 * <p>For the configuration loader (keys {@code archive.dir}, {@code archive.maxBytes}; section {@code archive}):
 * <pre>
 * ArchiveConfig archive = new ArchiveConfig(path("archive.dir"),
 *         typed("archive.maxBytes", ArchiveConfig.DEFAULT_MAX_BYTES, ByteSizeText::parse, ByteSizeText.EXPECTED,
 *                 ArchiveConfig::acceptsMaxBytes, b -&gt; ArchiveConfig.MAX_BYTES_RANGE, ByteSizeText::format));
 * </pre>
 *
 * @param dir      the archive directory; empty for {@code <dataDir>/archive}. A relative path is relative to the
 *                 working directory, like {@code dataDir}. Best on the same file system as the data directory: the
 *                 archive then hard-links the live segments instead of copying them.
 * @param maxBytes the disk budget of all channels' archives together, {@value #MIN_MAX_BYTES} bytes to 1 PB
 */
public record ArchiveConfig(Optional<Path> dir, long maxBytes) {

    /** 50 GB: about 12 days of one 4 Mbit/s channel, or a day of a dozen. */
    public static final long DEFAULT_MAX_BYTES = 50_000_000_000L;
    /** 100 MB: less could not hold a minute of a few channels. */
    public static final long MIN_MAX_BYTES = 100_000_000L;
    public static final long MAX_MAX_BYTES = 1_000_000_000_000_000L;
    /** The range, as a configuration error states it. */
    public static final String MAX_BYTES_RANGE = "between " + ByteSizeText.format(MIN_MAX_BYTES) + " and "
            + ByteSizeText.format(MAX_MAX_BYTES);
    /** The directory under the data directory used when {@code archive.dir} is not set. */
    public static final String DEFAULT_DIR_NAME = "archive";

    public ArchiveConfig {
        dir = Objects.requireNonNullElse(dir, Optional.empty());
        if (!acceptsMaxBytes(maxBytes)) {
            throw new IllegalArgumentException("archive.maxBytes must be " + MAX_BYTES_RANGE + ", got "
                    + ByteSizeText.format(maxBytes));
        }
    }

    public static ArchiveConfig defaults() {
        return new ArchiveConfig(Optional.empty(), DEFAULT_MAX_BYTES);
    }

    public static boolean acceptsMaxBytes(long maxBytes) {
        return maxBytes >= MIN_MAX_BYTES && maxBytes <= MAX_MAX_BYTES;
    }

    /** The absolute archive directory: {@code archive.dir}, else {@code <dataDir>/archive}. */
    public Path directory(Path dataDir) {
        return dir.orElseGet(() -> dataDir.resolve(DEFAULT_DIR_NAME)).toAbsolutePath().normalize();
    }
}
