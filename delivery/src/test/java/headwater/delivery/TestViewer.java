package headwater.delivery;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** A session as a test gate admits it: counts what is served, and can be ended. */
final class TestViewer implements Viewer {

    private final String channel;
    private final LongAdder bytes = new LongAdder();
    private final AtomicInteger servedCalls = new AtomicInteger();
    private volatile boolean ended;

    TestViewer(String channel) {
        this.channel = channel;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public void served(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative bytes served: " + count);
        }
        bytes.add(count);
        servedCalls.incrementAndGet();
    }

    @Override
    public boolean ended() {
        return ended;
    }

    void end() {
        ended = true;
    }

    long bytes() {
        return bytes.sum();
    }

    int servedCalls() {
        return servedCalls.get();
    }
}
