package headwater.headend.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WakeGridTest {
    private static final long PERIOD = 100;
    private final WakeGrid grid = new WakeGrid(PERIOD);

    @Test
    void roundsDeadlinesUpToTheNextGridPointAndKeepsPointsOnTheGrid() {
        assertThat(grid.pointAtOrAfter(0)).isZero();
        assertThat(grid.pointAtOrAfter(1)).isEqualTo(100);
        assertThat(grid.pointAtOrAfter(100)).isEqualTo(100);
        assertThat(grid.pointAtOrAfter(101)).isEqualTo(200);
        // System.nanoTime may be negative: the grid is the multiples of the period there too
        assertThat(grid.pointAtOrAfter(-1)).isZero();
        assertThat(grid.pointAtOrAfter(-100)).isEqualTo(-100);
        assertThat(grid.pointAtOrAfter(-199)).isEqualTo(-100);
    }

    @Test
    void sleepEndsOnTheGridPointAtOrAfterTheDeadlineNeverBeforeIt() {
        for (long now = -250; now <= 250; now += 7) {
            for (long wait = 1; wait <= 250; wait += 13) {
                long sleep = grid.sleepNanos(now, now + wait);
                long wake = now + sleep;
                assertThat(wake).as("now %d, deadline %d", now, now + wait).isGreaterThanOrEqualTo(now + wait)
                        .isLessThan(now + wait + PERIOD);
                assertThat(Math.floorMod(wake, PERIOD)).isZero();
            }
        }
    }

    @Test
    void threadsWithDifferentDeadlinesInOnePeriodWakeAtTheSameInstant() {
        long now = 1_000_030;
        assertThat(now + grid.sleepNanos(now, now + 5)).isEqualTo(now + grid.sleepNanos(now, now + 60))
                .isEqualTo(1_000_100);
    }

    @Test
    void aDeadlineAlreadyMetNeedsNoSleep() {
        assertThat(grid.sleepNanos(1_000, 1_000)).isZero();
        assertThat(grid.sleepNanos(1_050, 1_001)).isZero();
    }

    @Test
    void refusesANonPositivePeriod() {
        assertThatThrownBy(() -> new WakeGrid(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive period");
    }
}
