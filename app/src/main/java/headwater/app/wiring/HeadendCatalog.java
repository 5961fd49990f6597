package headwater.app.wiring;

import headwater.delivery.LiveCatalog;
import headwater.delivery.LiveOutput;
import headwater.headend.Channel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The headend's running channels as delivery's {@link LiveCatalog}: an immutable map, so a lookup never blocks. */
public final class HeadendCatalog implements LiveCatalog {

    private final Map<String, LiveOutput> outputs;

    public HeadendCatalog(List<Channel> channels) {
        Map<String, LiveOutput> map = new LinkedHashMap<>();
        for (Channel channel : channels) {
            map.put(channel.id(), new ChannelOutput(channel));
        }
        this.outputs = Map.copyOf(map);
    }

    @Override
    public Optional<LiveOutput> channel(String channelId) {
        return Optional.ofNullable(outputs.get(channelId));
    }
}
