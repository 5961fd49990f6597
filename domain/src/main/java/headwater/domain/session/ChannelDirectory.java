package headwater.domain.session;

import java.util.Optional;

/**
 * The channels sessions can be opened for, as entitlement needs them: implemented by the application over the
 * catalogue and the configuration; cheap (in memory), safe from any thread.
 */
@FunctionalInterface
public interface ChannelDirectory {

    /** @return the channel of this id, or empty when no catalogue or configuration channel has it */
    Optional<ChannelEntry> channel(String id);
}
