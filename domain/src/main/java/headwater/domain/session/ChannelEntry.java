package headwater.domain.session;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A channel as entitlement sees it.
 *
 * @param packageIds   the packages containing the channel
 * @param renditionIds other channels carrying the same programme, in the operator's order
 */
public record ChannelEntry(String id, boolean enabled, Set<String> packageIds, List<String> renditionIds) {

    public ChannelEntry {
        Objects.requireNonNull(id, "id");
        packageIds = Set.copyOf(packageIds);
        renditionIds = List.copyOf(renditionIds);
    }
}
