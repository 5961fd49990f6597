package headwater.domain.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MacAddressTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            00:1A:79:0b:cd:Ef  | 00:1A:79:0B:CD:EF
            00-1a-79-0b-cd-ef  | 00:1A:79:0B:CD:EF
            001a.790b.cdef     | 00:1A:79:0B:CD:EF
            001A790BCDEF       | 00:1A:79:0B:CD:EF
            02:00:00:00:00:01  | 02:00:00:00:00:01
            """)
    void normalises_every_common_layout(String text, String normal) {
        MacAddress mac = MacAddress.parse(text);

        assertThat(mac.value()).isEqualTo(normal);
        assertThat(mac).isEqualTo(MacAddress.parse(normal)).hasToString(normal);
        assertThat(mac.bytes()).hasSize(6);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ''                   | device mac "" is not a MAC address: write six hex pairs such as AA:BB:CC:DD:EE:FF, AA-BB-CC-DD-EE-FF, aabb.ccdd.eeff or aabbccddeeff
            00:1A:79:0B:CD       | device mac "00:1A:79:0B:CD" is not a MAC address: write six hex pairs such as AA:BB:CC:DD:EE:FF, AA-BB-CC-DD-EE-FF, aabb.ccdd.eeff or aabbccddeeff
            00:1A-79:0B:CD:EF    | device mac "00:1A-79:0B:CD:EF" is not a MAC address: write six hex pairs such as AA:BB:CC:DD:EE:FF, AA-BB-CC-DD-EE-FF, aabb.ccdd.eeff or aabbccddeeff
            00 1A 79 0B CD EF    | device mac "00 1A 79 0B CD EF" is not a MAC address: write six hex pairs such as AA:BB:CC:DD:EE:FF, AA-BB-CC-DD-EE-FF, aabb.ccdd.eeff or aabbccddeeff
            00:1A:79:0B:CD:EG    | device mac "00:1A:79:0B:CD:EG" is not a MAC address: 'G' is not a hex digit
            00:1A:79:0B:CD:EF:01 | device mac "00:1A:79:0B:CD:EF:01" is 20 characters long: a MAC address has at most 17 (AA:BB:CC:DD:EE:FF)
            00:00:00:00:00:00    | device mac "00:00:00:00:00:00" is the all-zero address, which no device has
            ff:ff:ff:ff:ff:ff    | device mac "ff:ff:ff:ff:ff:ff" is the broadcast address, which no device has
            01:00:5E:00:00:01    | device mac "01:00:5E:00:00:01" is a multicast (group) address, which no device has: the lowest bit of its first byte is set
            """)
    void refuses_what_is_not_a_device_address(String text, String message) {
        assertThatThrownBy(() -> MacAddress.parse(text)).isInstanceOf(InvalidValueException.class).hasMessage(message);
    }

    @org.junit.jupiter.api.Test
    void refuses_null_and_non_ascii_digits() {
        assertThatThrownBy(() -> MacAddress.parse(null)).hasMessage("device mac is missing");
        assertThatThrownBy(() -> MacAddress.parse("00:1A:79:0B:CD:E\u0663"))
                .hasMessage("device mac \"00:1A:79:0B:CD:E\u0663\" is not a MAC address: '\u0663' is not a hex digit");
    }
}
