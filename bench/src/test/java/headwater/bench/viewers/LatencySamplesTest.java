package headwater.bench.viewers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySamplesTest {

    @Test
    void percentilesAreNearestRankOverEveryPartMerged() {
        LatencySamples a = new LatencySamples();
        LatencySamples b = new LatencySamples();
        for (int ms = 1; ms <= 100; ms++) {
            (ms % 2 == 0 ? a : b).add(ms * 1_000_000L);
        }
        LatencySamples all = LatencySamples.merge(List.of(a, b));
        assertThat(all.count()).isEqualTo(100);
        assertThat(all.percentileMillis(50)).isEqualTo(50.0);
        assertThat(all.percentileMillis(99)).isEqualTo(99.0);
        assertThat(all.percentileMillis(100)).isEqualTo(100.0);
        assertThat(all.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void keepsMicrosecondsAndGrowsPastItsFirstArray() {
        LatencySamples s = new LatencySamples();
        for (int i = 0; i < 5_000; i++) {
            s.add(1_500_000L);
        }
        s.add(2_345_678L);
        LatencySamples all = LatencySamples.merge(List.of(s));
        assertThat(all.count()).isEqualTo(5_001);
        assertThat(all.percentileMillis(50)).isEqualTo(1.5);
        assertThat(all.maxMillis()).isEqualTo(2.345);
    }

    @Test
    void noSamplesIsNotANumber() {
        LatencySamples none = LatencySamples.merge(List.of(new LatencySamples()));
        assertThat(none.percentileMillis(99)).isNaN();
        assertThat(none.maxMillis()).isNaN();
    }
}
