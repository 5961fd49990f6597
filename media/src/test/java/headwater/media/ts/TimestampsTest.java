package headwater.media.ts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimestampsTest {
    private static final long WRAP = 1L << 33;

    @Test
    void diffTakesTheShortWayAcrossTheWrap() {
        assertThat(Timestamps.diff(1000, 500)).isEqualTo(500);
        assertThat(Timestamps.diff(500, 1000)).isEqualTo(-500);
        assertThat(Timestamps.diff(100, WRAP - 100)).isEqualTo(200);
        assertThat(Timestamps.diff(WRAP - 100, 100)).isEqualTo(-200);
        assertThat(Timestamps.diff(0, WRAP - 1)).isEqualTo(1);
        assertThat(Timestamps.diff((1L << 32) - 1, 0)).isEqualTo((1L << 32) - 1);
        assertThat(Timestamps.diff(1L << 32, 0)).isEqualTo(-(1L << 32));
    }

    @Test
    void addWraps() {
        assertThat(Timestamps.add(WRAP - 3600, 3600)).isZero();
        assertThat(Timestamps.add(WRAP - 1, 2)).isEqualTo(1);
        assertThat(Timestamps.add(100, -200)).isEqualTo(WRAP - 100);
    }

    @Test
    void unwrapKeepsGoingUpAcrossSeveralWraps() {
        long start = WRAP - 5 * 3600;
        long unwrapped = start;
        long raw = start;
        for (int frame = 1; frame <= 3 * (int) (WRAP / 3_000_000); frame++) {
            raw = (raw + 3_000_000) & Timestamps.MASK;
            long next = Timestamps.unwrap(unwrapped, raw);
            assertThat(next - unwrapped).isEqualTo(3_000_000);
            unwrapped = next;
        }
        assertThat(unwrapped).isGreaterThan(3 * WRAP);
        assertThat(unwrapped & Timestamps.MASK).isEqualTo(raw);
    }

    @Test
    void unwrapFollowsSmallStepsBackwards() {
        // B-frames: PTS goes back a little; just after the wrap it must not jump a whole period.
        long previous = WRAP + 100; // already unwrapped once
        assertThat(Timestamps.unwrap(previous, WRAP - 3500)).isEqualTo(WRAP - 3500);
        assertThat(Timestamps.unwrap(WRAP - 50, 40)).isEqualTo(WRAP + 40);
    }

    @Test
    void secondsAt90kHz() {
        assertThat(Timestamps.seconds(90_000)).isEqualTo(1.0);
        assertThat(Timestamps.seconds(WRAP)).isCloseTo(95443.717, org.assertj.core.data.Offset.offset(0.001));
    }
}
