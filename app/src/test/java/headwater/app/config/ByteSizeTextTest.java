package headwater.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTextTest {

    @ParameterizedTest
    @CsvSource({
            "50 GB, 50000000000",
            "50GB, 50000000000",
            "50 gb, 50000000000",
            "1.5 TB, 1500000000000",
            "500 MB, 500000000",
            "64 kB, 64000",
            "2 PB, 2000000000000000",
            "512 MiB, 536870912",
            "64 GiB, 68719476736",
            "1 KiB, 1024",
            "1.5 KiB, 1536",
            "1073741824, 1073741824",
            "100 B, 100",
            "7 k, 7000",
            "2G, 2000000000"})
    void reads_a_number_and_a_unit_of_bytes(String text, long bytes) {
        assertThat(ByteSizeText.parse(text)).contains(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GB", "-1 GB", "1.5", "1.0001 kB", "ten GB", "1e9", "50 Gbit", "50 GiBs", "10 ib",
            "99999999999999999999", "10000 PB", "1 EB"})
    void refuses_anything_else(String text) {
        assertThat(ByteSizeText.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"50000000000, 50 GB", "1500000000, 1500 MB", "1, 1 B", "1024, 1024 B", "0, 0 B"})
    void formats_in_the_largest_exact_decimal_unit(long bytes, String text) {
        assertThat(ByteSizeText.format(bytes)).isEqualTo(text);
        assertThat(ByteSizeText.parse(text)).contains(bytes);
    }
}
