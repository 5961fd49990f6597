package headwater.domain.guide;

import headwater.domain.epg.EpgChannel;
import java.util.Objects;

/**
 * An XMLTV channel as an import stores it.
 *
 * @param position the order in which the guide first named it (from 0)
 * @param declared whether the guide has a {@code <channel>} element for it; a channel only named by programmes is
 *                 stored undeclared (no display name) so that its programmes are kept
 */
public record GuideChannel(EpgChannel channel, int position, boolean declared) {

    public GuideChannel {
        Objects.requireNonNull(channel, "channel");
    }

    public String xmltvId() {
        return channel.id();
    }
}
