package headwater.app.wiring;

import headwater.delivery.TsFeed;
import headwater.delivery.TsListener;
import headwater.delivery.TsSubscription;
import headwater.headend.Channel;
import headwater.headend.LiveTsListener;
import headwater.headend.LiveTsSubscription;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A channel's live MPEG-TS stream as delivery's {@link TsFeed}. The headend starts each viewer on the segment being
 * cut (PAT, PMT, keyframe) and calls it from the viewer's own thread with a buffer valid only during the call;
 * delivery may keep what it gets, so each chunk is copied once into a buffer that is never written again.
 */
final class ChannelFeed implements TsFeed {

    private final Channel channel;

    ChannelFeed(Channel channel) {
        this.channel = channel;
    }

    @Override
    public TsSubscription subscribe(TsListener listener) {
        LiveTsSubscription subscription = channel.subscribe(new LiveTsListener() {
            @Override
            public void onData(byte[] buf, int off, int len) {
                listener.onPackets(ByteBuffer.wrap(Arrays.copyOfRange(buf, off, off + len)).asReadOnlyBuffer());
            }

            @Override
            public void onEnd(String reason) {
                listener.onEnd(reason);
            }
        });
        return subscription::close;
    }
}
