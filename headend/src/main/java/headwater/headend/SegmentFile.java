package headwater.headend;

import headwater.media.hls.MediaSegment;
import java.nio.file.Path;

/**
 * A finished segment on disk, as {@link SegmentWindow#segment} finds it. The file may be deleted by the window's
 * rotation once it leaves the window plus the extra segments; readers open it promptly.
 */
public record SegmentFile(Path path, long sizeBytes, MediaSegment segment) {}
