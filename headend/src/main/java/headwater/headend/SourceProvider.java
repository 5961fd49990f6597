package headwater.headend;

import headwater.headend.source.Source;
import java.io.IOException;
import java.net.URI;

/** Makes the (unopened) {@link Source} for one URI of a channel's chain; the channel opens, reads and closes it. */
@FunctionalInterface
public interface SourceProvider {
    Source create(ChannelSpec channel, URI uri) throws IOException;
}
