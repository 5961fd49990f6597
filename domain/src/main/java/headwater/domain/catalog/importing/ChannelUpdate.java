package headwater.domain.catalog.importing;

import headwater.domain.catalog.ChannelDraft;
import java.util.Objects;

/** A stored channel to replace by {@code draft} if it is still at {@code expectedVersion}. */
public record ChannelUpdate(long expectedVersion, ChannelDraft draft) {

    public ChannelUpdate {
        Objects.requireNonNull(draft, "draft");
    }
}
