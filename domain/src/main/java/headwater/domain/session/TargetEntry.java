package headwater.domain.session;

import java.util.Set;

/**
 * What a directory knows of a session's target for {@link Entitlement}: a channel ({@link ChannelEntry}, for live and
 * archive targets) or a film or episode ({@link VodEntry}).
 */
public sealed interface TargetEntry permits ChannelEntry, VodEntry {

    /** The catalogue id: the channel's, the film's or the episode's. */
    String id();

    /** Whether it may be watched at all; a disabled one is {@link Denial#TARGET_UNKNOWN}. */
    boolean enabled();

    /** The packages that contain it (for an episode: those that contain its series). */
    Set<String> packageIds();
}
