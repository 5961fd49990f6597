package headwater.headend;

import headwater.headend.source.WakeGrid;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread checks the health of every running channel of the JVM, every 400 ms on the shared wake grid.
 *
 * <p>A watchdog thread per channel cost 2.5 wake-ups a second per channel (125 for 50 channels), which showed in the
 * live-cost benchmark: wake-ups, not packaging, are what an idle-looking headend spends its CPU on. One thread makes
 * that 2.5 a second in all. A check only reads a channel's timestamps and counters and may close its source; a check
 * that throws is logged and does not stop the others.
 */
final class HealthWatch {
    private static final Logger LOG = LoggerFactory.getLogger(HealthWatch.class);
    /** A multiple of the {@code file://} sources' pacing grid, so both wake at the same moments. */
    static final WakeGrid TICKS = new WakeGrid(400_000_000L);

    private static final Set<Channel> CHANNELS = ConcurrentHashMap.newKeySet();
    private static Thread thread;

    private HealthWatch() {}

    static synchronized void watch(Channel channel) {
        CHANNELS.add(channel);
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("headwater-health-watch").start(HealthWatch::run);
        }
    }

    static void unwatch(Channel channel) {
        CHANNELS.remove(channel);
    }

    private static void run() {
        while (true) {
            long before = System.nanoTime();
            try {
                Thread.sleep(Duration.ofNanos(TICKS.sleepNanos(before, before + 1)));
            } catch (InterruptedException e) {
                // Nothing stops this daemon thread: it serves every channel for the life of the JVM.
                continue;
            }
            long now = System.nanoTime();
            for (Channel channel : CHANNELS) {
                try {
                    channel.checkHealth(now);
                } catch (RuntimeException e) {
                    LOG.error("channel {}: health check failed", channel.id(), e);
                }
            }
        }
    }
}
