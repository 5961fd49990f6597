package headwater.domain.archive;

import java.util.Optional;

/**
 * The real state of the channels' catch-up archives, for the fields that announce catch-up to players
 * ({@code tv_archive}, {@code has_archive}, the M3U {@code catchup} attributes). Cheap and non-blocking: the
 * application answers from the headend's in-memory index.
 */
@FunctionalInterface
public interface ArchiveStatus {

    /** @return what the channel's archive holds, or empty when it keeps none or has recorded nothing yet */
    Optional<ArchiveSpan> span(String channelId);

    /** No archives at all. */
    ArchiveStatus NONE = channelId -> Optional.empty();
}
