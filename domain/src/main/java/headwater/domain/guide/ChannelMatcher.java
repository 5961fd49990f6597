package headwater.domain.guide;

import headwater.domain.catalog.Channel;
import headwater.domain.epg.EpgChannel;
import headwater.domain.epg.LocalizedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, for each catalogue channel, the XMLTV channel of one source that feeds it:
 *
 * <ol>
 *   <li>the XMLTV channel whose id equals the catalogue channel's EPG channel id, exactly; else</li>
 *   <li>the first XMLTV channel (in the guide's order) with a display name equal to the catalogue channel's name
 *       once both are reduced to a {@link NameKey} (case, accents and runs of white space ignored).</li>
 * </ol>
 *
 * <p>A catalogue channel gets at most one XMLTV channel per source; an XMLTV channel may feed several catalogue
 * channels (an SD and an HD channel with one EPG id). XMLTV channels that feed none are still stored.
 */
public final class ChannelMatcher {

    private final List<Channel> channels;

    public ChannelMatcher(List<Channel> channels) {
        this.channels = List.copyOf(channels);
    }

    public static ChannelMatcher none() {
        return new ChannelMatcher(List.of());
    }

    /** The links between the catalogue and {@code guideChannels} (one source's channels, in the guide's order). */
    public List<ChannelLink> match(List<EpgChannel> guideChannels) {
        Map<String, EpgChannel> byId = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        for (EpgChannel g : guideChannels) {
            byId.putIfAbsent(g.id(), g);
            for (LocalizedText name : g.displayNames()) {
                byName.putIfAbsent(NameKey.of(name.text()), g.id());
            }
        }
        List<ChannelLink> links = new ArrayList<>();
        for (Channel c : channels) {
            if (c.epgChannelId() != null && byId.containsKey(c.epgChannelId())) {
                links.add(new ChannelLink(c.id(), c.epgChannelId(), ChannelLink.By.ID));
                continue;
            }
            String named = byName.get(NameKey.of(c.name()));
            if (named != null) {
                links.add(new ChannelLink(c.id(), named, ChannelLink.By.NAME));
            }
        }
        return links;
    }
}
