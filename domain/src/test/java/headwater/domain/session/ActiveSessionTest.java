package headwater.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import headwater.domain.subscriber.OutputFormat;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActiveSessionTest {

    static PlaybackSession session(Instant now) {
        return new PlaybackSession(SessionIds.next(), "s1", new PlaybackTarget.Live("news"), "news", OutputFormat.TS,
                "box", null, null, now, now.plus(Duration.ofHours(1)), 1_000_000, Duration.ofSeconds(8), "node-a");
    }

    @Test
    void served_counts_bytes_and_marks_the_time() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
        ActiveSession active = new ActiveSession(session(clock.instant()), "token", SessionState.ACTIVE, clock, false);
        Instant later = clock.advance(Duration.ofSeconds(3));

        active.served(188 * 7);
        active.served(0);

        assertThat(active.bytes()).isEqualTo(1316);
        assertThat(active.lastSeen()).isEqualTo(later);
        assertThat(active.lastSeenMillis()).isEqualTo(later.toEpochMilli());
        clock.advance(Duration.ofSeconds(8));
        assertThat(active.needsResume()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(active.needsResume()).isTrue();
    }

    @Test
    void scope_is_the_targets_and_made_once() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
        PlaybackSession session = session(clock.instant());
        ActiveSession active = new ActiveSession(session, "token", SessionState.ACTIVE, clock, false);

        assertThat(active.scope()).isEqualTo(session.target().scope()).isSameAs(active.scope());
    }

    @Test
    void state_changes_end_for_good() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
        ActiveSession active = new ActiveSession(session(clock.instant()), "token", SessionState.ACTIVE, clock, false);

        assertThat(active.markIdle(clock.millis())).as("not silent").isFalse();
        assertThat(active.markEnded(EndReason.OPERATOR, clock.millis())).isTrue();
        assertThat(active.markEnded(EndReason.EXPIRED, clock.millis())).isFalse();
        assertThat(active.markActive(clock.millis())).isFalse();

        assertThat(active.ended()).isTrue();
        assertThat(active.endReason()).isEqualTo(EndReason.OPERATOR);
        assertThat(active.needsResume()).isFalse();
    }

    @Test
    void served_allocates_nothing() {
        assumeThat(ManagementFactory.getThreadMXBean()).isInstanceOf(com.sun.management.ThreadMXBean.class);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()).isTrue();
        ActiveSession active = new ActiveSession(session(Instant.now()), "token", SessionState.ACTIVE,
                Clock.systemUTC(), false);
        long thread = Thread.currentThread().threadId();
        for (int i = 0; i < 200_000; i++) {
            active.served(1316);
            active.needsResume();
        }
        threads.getThreadAllocatedBytes(thread);

        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 1_000_000; i++) {
            active.served(1316);
            active.needsResume();
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(allocated).as("bytes allocated by a million served() calls").isLessThan(1024);
        assertThat(active.bytes()).isEqualTo(1316L * 1_200_000);
    }
}
