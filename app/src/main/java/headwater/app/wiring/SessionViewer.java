package headwater.app.wiring;

import headwater.delivery.Viewer;
import headwater.domain.session.ActiveSession;
import java.util.concurrent.atomic.LongAdder;

/**
 * A session as delivery serves it: the rendition's output, bytes counted for the session (its bitrate in the list)
 * and for the channel ({@code headwater_egress_measured_bits_per_second}).
 */
record SessionViewer(ActiveSession session, LongAdder channelBytes) implements Viewer {

    @Override
    public String channel() {
        return session.rendition();
    }

    @Override
    public void served(long bytes) {
        session.served(bytes);
        channelBytes.add(bytes);
    }

    @Override
    public boolean ended() {
        return session.ended();
    }
}
