package headwater.domain.catalog.importing;

import headwater.domain.catalog.Channel;
import java.util.Objects;

/** A stored link with the channel it points to, as read together in one snapshot. */
public record LinkedChannel(ImportLink link, Channel channel) {

    public LinkedChannel {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(channel, "channel");
        if (!link.channelId().equals(channel.id())) {
            throw new IllegalArgumentException("link of channel " + link.channelId() + " paired with channel " + channel.id());
        }
    }
}
