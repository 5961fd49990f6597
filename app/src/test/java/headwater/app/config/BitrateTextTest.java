package headwater.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BitrateTextTest {

    @ParameterizedTest
    @CsvSource({
            "10 Gbit/s, 10000000000",
            "800 Mbit/s, 800000000",
            "800Mbit/s, 800000000",
            "2.5 Gbit/s, 2500000000",
            "64 kbit/s, 64000",
            "1 Tbit/s, 1000000000000",
            "1200 bit/s, 1200",
            "8 Mbps, 8000000",
            "100 gbps, 100000000000"})
    void reads_a_number_and_an_si_unit(String text, long bits) {
        assertThat(BitrateText.parse(text)).contains(bits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "10 G", "10 GB/s", "-1 Mbit/s", "1.5 bit/s", "ten Mbit/s", "1e9 bit/s",
            "99999999999999 Tbit/s"})
    void refuses_anything_else(String text) {
        assertThat(BitrateText.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"10000000000, 10 Gbit/s", "1500000, 1500 kbit/s", "1, 1 bit/s", "2500000000, 2500 Mbit/s"})
    void formats_in_the_largest_exact_unit(long bits, String text) {
        assertThat(BitrateText.format(bits)).isEqualTo(text);
        assertThat(BitrateText.parse(text)).contains(bits);
    }
}
