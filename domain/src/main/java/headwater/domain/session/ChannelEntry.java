package headwater.domain.session;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What session control needs to know of a channel.
 *
 * @param id           the channel id (of the catalogue or the configuration)
 * @param enabled      whether it may be watched at all; a disabled channel is {@link Denial#TARGET_UNKNOWN}
 * @param packageIds   the packages that contain it
 * @param renditionIds other channels that carry the same programme in another quality (for example an SD copy of an
 *                     HD channel), which a plan's best quality may select instead of the channel itself
 * @param archiveDays  how many days of catch-up the channel keeps, 0 for none: an archive window must start within
 *                     them ({@link Denial#OUTSIDE_ARCHIVE})
 */
public record ChannelEntry(String id, boolean enabled, Set<String> packageIds, List<String> renditionIds,
                           int archiveDays) implements TargetEntry {
    public ChannelEntry {
        Objects.requireNonNull(id, "id");
        packageIds = Set.copyOf(packageIds);
        renditionIds = List.copyOf(renditionIds);
        if (archiveDays < 0) {
            throw new IllegalArgumentException("channel " + id + " has negative archive days: " + archiveDays);
        }
    }

    /** A channel without catch-up. */
    public ChannelEntry(String id, boolean enabled, Set<String> packageIds, List<String> renditionIds) {
        this(id, enabled, packageIds, renditionIds, 0);
    }
}
