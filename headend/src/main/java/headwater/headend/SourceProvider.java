package headwater.headend;

import headwater.headend.source.Source;
import headwater.headend.source.SourceContext;
import headwater.headend.source.SourceFactory;
import java.io.IOException;
import java.net.URI;

/** Makes the (unopened) {@link Source} for one URI of a channel's chain; the channel opens, reads and closes it. */
@FunctionalInterface
public interface SourceProvider {
    Source create(ChannelSpec channel, URI uri) throws IOException;

    /** The standard sources ({@link SourceFactory}), with {@code context} given the channel's id for its messages. */
    static SourceProvider standard(SourceContext context) {
        return (channel, uri) -> SourceFactory.create(uri, context.forChannel(channel.id()));
    }
}
