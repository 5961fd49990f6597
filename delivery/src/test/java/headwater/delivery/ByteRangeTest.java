package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    @Test
    void honoursOneRange() {
        assertThat(ByteRange.of("bytes=0-99", 1000)).isEqualTo(new ByteRange.Partial(0, 99));
        assertThat(ByteRange.of("bytes=500-", 1000)).isEqualTo(new ByteRange.Partial(500, 999));
        assertThat(ByteRange.of("bytes=-300", 1000)).isEqualTo(new ByteRange.Partial(700, 999));
        assertThat(ByteRange.of("bytes=990-5000", 1000)).isEqualTo(new ByteRange.Partial(990, 999));
        assertThat(ByteRange.of("bytes=-5000", 1000)).isEqualTo(new ByteRange.Partial(0, 999));
        assertThat(ByteRange.of("BYTES= 1-1", 1000)).isEqualTo(new ByteRange.Partial(1, 1));
        assertThat(ByteRange.of("bytes=999-999", 1000)).isEqualTo(new ByteRange.Partial(999, 999));
    }

    @Test
    void unsatisfiableRanges() {
        assertThat(ByteRange.of("bytes=1000-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=1000-2000", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=-0", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=-10", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bytes", "bytes=", "bytes=-", "bytes=a-b", "bytes=5-3", "bytes=0-1,3-4",
            "items=0-1", "bytes=1-2-3", "bytes=99999999999999999999-", "bytes=--1", "bytes=+1-2", "bytes=0x1-2"})
    void ignoresWhatItCannotHonour(String header) {
        assertThat(ByteRange.of(header, 1000)).isInstanceOf(ByteRange.Whole.class);
    }

    @Test
    void noHeaderMeansWhole() {
        assertThat(ByteRange.of(null, 1000)).isInstanceOf(ByteRange.Whole.class);
    }
}
