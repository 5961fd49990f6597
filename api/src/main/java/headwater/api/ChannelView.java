package headwater.api;

import headwater.domain.catalog.Channel;
import java.net.URI;
import java.util.List;

/** A channel as the API returns it; times are ISO-8601 UTC. */
record ChannelView(String id, int number, String name, String logo, List<String> categoryIds, String epgChannelId,
                   List<String> sources, int archiveDays, boolean radio, boolean enabled, String encryption, long version,
                   String created, String updated) {

    static ChannelView of(Channel channel) {
        return new ChannelView(channel.id(), channel.number(), channel.name(),
                channel.logo() == null ? null : channel.logo().toString(), channel.categoryIds(), channel.epgChannelId(),
                channel.sources().stream().map(URI::toString).toList(), channel.archiveDays(), channel.radio(),
                channel.enabled(), channel.draft().encryption(), channel.version(), channel.created().toString(),
                channel.updated().toString());
    }
}
