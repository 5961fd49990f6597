package headwater.app.wiring;

import headwater.delivery.LiveOutput;
import headwater.delivery.Playlist;
import headwater.delivery.SegmentFile;
import headwater.delivery.SegmentLookup;
import headwater.delivery.TsFeed;
import headwater.headend.Channel;
import headwater.headend.SegmentUnavailableException;
import headwater.headend.SegmentWindow;

/**
 * A headend {@link Channel} as delivery's {@link LiveOutput}: playlists and segment files from the channel's
 * {@link SegmentWindow} (in memory, lock-free), and its live MPEG-TS stream.
 */
final class ChannelOutput implements LiveOutput {

    private final Channel channel;
    private final TsFeed feed;

    ChannelOutput(Channel channel) {
        this.channel = channel;
        this.feed = new ChannelFeed(channel);
    }

    @Override
    public Playlist multivariantPlaylist() {
        return channel.window().multivariantPlaylist() // delivery caches each version by identity
                .<Playlist>map(Playlist.Ready::new)
                .orElseGet(() -> notReady());
    }

    @Override
    public Playlist mediaPlaylist() {
        return channel.window().mediaPlaylist()
                .<Playlist>map(Playlist.Ready::new)
                .orElseGet(() -> notReady());
    }

    @Override
    public SegmentLookup segment(long mediaSequence) {
        try {
            headwater.headend.SegmentFile file = channel.window().segment(mediaSequence);
            return new SegmentFile(file.path().toAbsolutePath(), file.sizeBytes());
        } catch (SegmentUnavailableException e) {
            return switch (e.reason()) {
                case GONE -> new SegmentLookup.Gone(e.getMessage());
                case NOT_YET_PRODUCED -> new SegmentLookup.NotYet(e.getMessage());
            };
        }
    }

    @Override
    public java.util.Optional<byte[]> key(String keyId) {
        return channel.key(keyId);
    }

    @Override
    public TsFeed transportStream() {
        return feed;
    }

    /** The reason reaches viewers (a 503 body), so it names the channel's status, never its source URIs. */
    private Playlist notReady() {
        return new Playlist.NotReady("channel " + channel.id() + " has no complete segment yet (status: "
                + channel.state().status() + ")");
    }
}
