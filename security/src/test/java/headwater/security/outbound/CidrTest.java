package headwater.security.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CidrTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.200.3.4, true",
            "10.0.0.0/8, 11.0.0.0, false",
            "10.20.0.0/16, 10.20.255.255, true",
            "10.20.0.0/16, 10.21.0.0, false",
            "127.0.0.1, 127.0.0.1, true",
            "127.0.0.1, 127.0.0.2, false",
            "127.0.0.1/32, '::ffff:127.0.0.1', true",
            "10.0.0.0/8, '64:ff9b::a00:5', true",
            "0.0.0.0/0, 8.8.8.8, true",
            "fd00::/8, 'fd12::1', true",
            "fd00::/8, 'fe80::1', false",
            "fd00::/8, 10.0.0.1, false",
            "10.1.2.3/8, 10.9.9.9, true",
    })
    void contains(String cidr, String address, boolean expected) throws UnknownHostException {
        assertThat(Cidr.parse(cidr).contains(InetAddress.getByName(address))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "10.0.0.0/33 | has the prefix length 33: 0 to 32 allowed for IPv4",
            "fd00::/129 | has the prefix length 129: 0 to 128 allowed for IPv6",
            "10.0.0.0/x | has a prefix length that is not a number",
            "localhost/8 | the address must be an IPv4 or IPv6 literal, not a host name",
            "metadata.google.internal | the address must be an IPv4 or IPv6 literal, not a host name",
    })
    void refusesWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @org.junit.jupiter.api.Test
    void printsTheNetwork() {
        assertThat(Cidr.parse("10.1.2.3/8")).hasToString("10.0.0.0/8");
        assertThat(Cidr.parse(" 127.0.0.1 ")).hasToString("127.0.0.1/32");
    }
}
