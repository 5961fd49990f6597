package headwater.delivery;

import java.time.Instant;
import java.util.List;

/**
 * The channels' catch-up archives, as delivery serves them: {@code /s/{token}/archive/{channel}/{start}-{seconds}/...}
 * (see {@link MediaPath}). Implementations answer from an in-memory index and never touch the network; the server
 * may still call them on a worker thread.
 */
@FunctionalInterface
public interface ArchiveCatalog {

    /**
     * The archived segments of a channel that overlap {@code [from, to)}, in sequence order; the first is the one
     * that holds {@code from} (it starts on a keyframe at or before it) or, when {@code from} falls in a gap, the
     * first after it.
     *
     * @return the segments, or an empty list when the channel keeps no archive or nothing of the window is recorded
     */
    List<ArchivedSegment> window(String channelId, Instant from, Instant to);

    /** No archive anywhere. */
    ArchiveCatalog NONE = (channelId, from, to) -> List.of();
}
