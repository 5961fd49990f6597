package headwater.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /**
     * A content key of a channel's encrypted archived segments (their {@code EXT-X-KEY}). May block briefly: asked on
     * a worker thread.
     *
     * @return the 16 key bytes, or empty when the channel keeps no such key
     */
    default Optional<byte[]> key(String channelId, String keyId) {
        return Optional.empty();
    }

    /** No archive anywhere. */
    ArchiveCatalog NONE = (channelId, from, to) -> List.of();
}
