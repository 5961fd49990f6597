package headwater.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EgressLedgerTest {

    @Test
    void reserves_within_the_capacity_and_releases() {
        EgressLedger ledger = new EgressLedger(10_000_000);

        assertThat(ledger.reserve("a", "news", 6_000_000)).isTrue();
        assertThat(ledger.reserve("b", "news", 5_000_000)).isFalse();
        assertThat(ledger.reserve("b", "news-sd", 4_000_000)).isTrue();
        assertThat(ledger.reserve("c", "radio", 1)).isFalse();
        assertThat(ledger.reserve("c", "radio", 0)).isTrue();

        assertThat(ledger.reserved()).isEqualTo(10_000_000);
        assertThat(ledger.sessions()).isEqualTo(3);
        assertThat(ledger.reservedByChannel())
                .isEqualTo(Map.of("news", 6_000_000L, "news-sd", 4_000_000L, "radio", 0L));

        assertThat(ledger.release("a")).isTrue();
        assertThat(ledger.release("a")).isFalse();
        assertThat(ledger.holds("a")).isFalse();
        assertThat(ledger.reserved()).isEqualTo(4_000_000);
        assertThat(ledger.reservedByChannel()).isEqualTo(Map.of("news-sd", 4_000_000L, "radio", 0L));
        assertThat(ledger.capacity()).isEqualTo(10_000_000);
    }

    @Test
    void a_session_holds_one_reservation() {
        EgressLedger ledger = new EgressLedger(10_000_000);

        assertThat(ledger.reserve("a", "news", 6_000_000)).isTrue();
        assertThat(ledger.reserve("a", "news", 6_000_000)).isTrue();

        assertThat(ledger.reserved()).isEqualTo(6_000_000);
        ledger.release("a");
        assertThat(ledger.reserved()).isZero();
        assertThat(ledger.reservedByChannel()).isEmpty();
    }

    @Test
    void no_overflow_near_the_largest_capacity() {
        EgressLedger ledger = new EgressLedger(Long.MAX_VALUE);

        assertThat(ledger.reserve("a", "news", Long.MAX_VALUE - 1)).isTrue();
        assertThat(ledger.reserve("b", "news", 2)).isFalse();
        assertThat(ledger.reserve("b", "news", 1)).isTrue();
        assertThat(ledger.reserved()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refuses_nonsense() {
        assertThatThrownBy(() -> new EgressLedger(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EgressLedger(1).reserve("a", "news", -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void racing_reservations_never_overshoot() throws Exception {
        long perSession = 3_000_000;
        int fits = 33;
        EgressLedger ledger = new EgressLedger(perSession * fits + perSession - 1);
        int threads = 16;
        int attemptsEach = 200;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger overshoot = new AtomicInteger();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers[t] = Thread.ofPlatform().start(() -> {
                await(start);
                for (int i = 0; i < attemptsEach; i++) {
                    String id = thread + "-" + i;
                    if (ledger.reserve(id, "ch" + (i % 5), perSession)) {
                        granted.incrementAndGet();
                        if (ledger.reserved() > ledger.capacity()) {
                            overshoot.incrementAndGet();
                        }
                        if (i % 3 != 0) {
                            ledger.release(id);
                        }
                    }
                }
            });
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }

        assertThat(overshoot).hasValue(0);
        assertThat(granted.get()).isGreaterThanOrEqualTo(fits);
        assertThat(ledger.sessions()).isBetween(1, fits);
        assertThat(ledger.reserved()).isEqualTo(perSession * ledger.sessions());
        assertThat(ledger.reservedByChannel().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(ledger.reserved());
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
