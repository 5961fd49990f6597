package headwater.app.wiring;

import headwater.delivery.LiveCatalog;
import headwater.delivery.LiveOutput;
import headwater.headend.Channel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The headend's running channels as delivery's {@link LiveCatalog}: an immutable map behind a volatile reference, so
 * a lookup never blocks; {@link #refresh} swaps in a new map when channels are added, restarted or stopped.
 */
public final class HeadendCatalog implements LiveCatalog {

    private volatile Map<String, Entry> outputs = Map.of();

    private record Entry(Channel channel, LiveOutput output) {
    }

    public HeadendCatalog(List<Channel> channels) {
        refresh(channels);
    }

    /** Serves exactly these channels from now on; a channel that was served already keeps its output. */
    public synchronized void refresh(List<Channel> channels) {
        Map<String, Entry> previous = outputs;
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Channel channel : channels) {
            Entry known = previous.get(channel.id());
            map.put(channel.id(), known != null && known.channel() == channel ? known
                    : new Entry(channel, new ChannelOutput(channel)));
        }
        outputs = Map.copyOf(map);
    }

    /** The headend channel of this id that is served now, or null: one volatile read, no lock. */
    public Channel running(String channelId) {
        Entry entry = outputs.get(channelId);
        return entry == null ? null : entry.channel();
    }

    @Override
    public Optional<LiveOutput> channel(String channelId) {
        return Optional.ofNullable(outputs.get(channelId)).map(Entry::output);
    }
}
