package headwater.domain.session;

import java.util.Optional;

/** The channels a session may be opened for. Implemented by the application over the catalogue and configuration. */
@FunctionalInterface
public interface ChannelDirectory {

    /** @return the channel, or empty when no channel has that id */
    Optional<ChannelEntry> channel(String id);
}
