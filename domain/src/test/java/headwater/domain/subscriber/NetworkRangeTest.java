package headwater.domain.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.catalog.InvalidValueException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkRangeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            192.0.2.0/24              | 192.0.2.0/24
            192.0.2.77/24             | 192.0.2.0/24
            10.1.2.3/8                | 10.0.0.0/8
            0.0.0.0/0                 | 0.0.0.0/0
            255.255.255.255/0         | 0.0.0.0/0
            203.0.113.9               | 203.0.113.9/32
            203.0.113.9/32            | 203.0.113.9/32
            172.16.5.4/12             | 172.16.0.0/12
            2001:db8::/32             | 2001:db8::/32
            2001:DB8:0:0:0:0:0:1      | 2001:db8::1/128
            2001:0db8:0000:0000:0000:ff00:0042:8329/64 | 2001:db8::/64
            2001:db8:0:0:1:0:0:1/128  | 2001:db8::1:0:0:1/128
            2001:db8:0:1:0:0:0:1/128  | 2001:db8:0:1::1/128
            2001:db8:0:1:1:1:1:1/128  | 2001:db8:0:1:1:1:1:1/128
            ::/0                      | ::/0
            ::1                       | ::1/128
            fe80::1:2/10              | fe80::/10
            ::fffe:0:1/128            | ::fffe:0:1/128
            64:ff9b::192.0.2.33/96    | 64:ff9b::/96
            64:ff9b::192.0.2.33       | 64:ff9b::c000:221/128
            1::                       | 1::/128
            """)
    void parses_and_normalises(String text, String canonical) {
        NetworkRange range = NetworkRange.parse(text);

        assertThat(range.toString()).isEqualTo(canonical);
        assertThat(NetworkRange.parse(canonical)).isEqualTo(range);
        assertThat(range.isIpv4()).isEqualTo(!canonical.contains(":"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ''                   | network range is empty: write an IPv4 or IPv6 address with an optional prefix length, such as 192.0.2.0/24 or 2001:db8::/32
            10.0.0.0/33          | network range "10.0.0.0/33" has the prefix length 33: IPv4 allows 0 to 32
            2001:db8::/129       | network range "2001:db8::/129" has the prefix length 129: IPv6 allows 0 to 128
            10.0.0.0/            | network range "10.0.0.0/" has no prefix length after '/'
            10.0.0.0/-1          | network range "10.0.0.0/-1" has the prefix length "-1": it must be a decimal number from 0 to 32 without leading zeros
            10.0.0.0/08          | network range "10.0.0.0/08" has the prefix length "08": it must be a decimal number from 0 to 32 without leading zeros
            10.0.0.0/8/8         | network range "10.0.0.0/8/8" has the prefix length "8/8": it must be a decimal number from 0 to 32 without leading zeros
            10.0.0.256/8         | network range "10.0.0.256/8" is not an IPv4 address: part 4 (256) is above 255
            010.0.0.1            | network range "010.0.0.1" is not an IPv4 address: part 1 (010) has a leading zero, which some systems read as octal
            10.0.0/8             | network range "10.0.0/8" is not an IPv4 address: it has 3 parts, an IPv4 address has 4 separated by '.'
            10..0.1              | network range "10..0.1" is not an IPv4 address: part 2 is empty
            10.0.0.1.            | network range "10.0.0.1." is not an IPv4 address: it has 5 parts, an IPv4 address has 4 separated by '.'
            /8                   | network range "/8" is not an IPv4 address: it has 1 part, an IPv4 address has 4 separated by '.'
            10.0.0.1000          | network range "10.0.0.1000" is not an IPv4 address: part 4 (1000) is not a decimal number from 0 to 255
            example.com/24       | network range "example.com/24" is not a network: write an IPv4 or IPv6 address with an optional prefix length, such as 192.0.2.0/24 or 2001:db8::/32 (host names are not allowed)
            ' 10.0.0.0/8'        | network range " 10.0.0.0/8" is not a network: write an IPv4 or IPv6 address with an optional prefix length, such as 192.0.2.0/24 or 2001:db8::/32 (host names are not allowed)
            1::2::3              | network range "1::2::3" is not an IPv6 address: "::" appears more than once
            2001:db8::12345/32   | network range "2001:db8::12345/32" is not an IPv6 address: the group 12345 has more than 4 hex digits
            2001:db8::g/32       | network range "2001:db8::g/32" is not an IPv6 address: the group g is not hexadecimal
            1:2:3:4:5:6:7        | network range "1:2:3:4:5:6:7" is not an IPv6 address: it has 7 groups of 16 bits, 8 are needed (or "::" for a run of zeros)
            1:2:3:4:5:6:7:8:9    | network range "1:2:3:4:5:6:7:8:9" is not an IPv6 address: it has 9 groups of 16 bits, 8 are needed (or "::" for a run of zeros)
            1:2:3:4::5:6:7:8     | network range "1:2:3:4::5:6:7:8" is not an IPv6 address: it has 8 groups of 16 bits besides "::", at most 7 allowed
            :1:2:3:4:5:6:7       | network range ":1:2:3:4:5:6:7" is not an IPv6 address: it has an empty group (a single ':' at the start or the end)
            1:2:3:4:5:6:7:       | network range "1:2:3:4:5:6:7:" is not an IPv6 address: it has an empty group (a single ':' at the start or the end)
            1:::2                | network range "1:::2" is not an IPv6 address: it has ":::" ("::" stands for one run of zero groups)
            ::1.2.3.4:5          | network range "::1.2.3.4:5" is not an IPv6 address: the dotted IPv4 part 1.2.3.4 is not at the end
            ::1.2.3.400          | network range "::1.2.3.400" is not an IPv6 address: its IPv4 part 1.2.3.400 is not valid: part 4 (400) is above 255
            fe80::1%eth0/64      | network range "fe80::1%eth0/64" has a zone id ('%'): zones are not allowed in networks
            ::ffff:10.0.0.0/104  | network range "::ffff:10.0.0.0/104" is an IPv4-mapped IPv6 address: write it as IPv4, e.g. 10.0.0.0
            """)
    void refuses_bad_cidrs_naming_the_rule(String text, String message) {
        assertThatThrownBy(() -> NetworkRange.parse(text)).isInstanceOf(InvalidValueException.class).hasMessage(message);
    }

    @Test
    void refuses_missing_and_overlong_text_and_names_the_caller_s_field() {
        assertThatThrownBy(() -> NetworkRange.parse(null)).hasMessage("network range is missing");
        assertThatThrownBy(() -> NetworkRange.parse("subscriber", "allowedNetworks[3]", "1".repeat(65)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("subscriber allowedNetworks[3] \"" + "1".repeat(64) + "…\" is 65 characters long: at most 64 allowed")
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("allowedNetworks[3]");
    }

    @Test
    void contains_compares_the_prefix_bits_within_one_family() throws UnknownHostException {
        NetworkRange lan = NetworkRange.parse("192.168.0.0/16");
        assertThat(lan.contains(ip("192.168.0.0"))).isTrue();
        assertThat(lan.contains(ip("192.168.255.255"))).isTrue();
        assertThat(lan.contains(ip("192.169.0.0"))).isFalse();
        assertThat(lan.contains(ip("192.167.255.255"))).isFalse();
        // The IPv4-mapped form of an address in the block is the IPv4 address in Java, and so is contained.
        assertThat(lan.contains(ip("::ffff:192.168.1.1"))).isTrue();
        assertThat(lan.contains(ip("2001:db8::1"))).isFalse();

        NetworkRange odd = NetworkRange.parse("10.0.0.128/25");
        assertThat(odd.contains(ip("10.0.0.127"))).isFalse();
        assertThat(odd.contains(ip("10.0.0.128"))).isTrue();
        assertThat(odd.contains(ip("10.0.0.255"))).isTrue();

        NetworkRange v6 = NetworkRange.parse("2001:db8:abcd::/47");
        assertThat(v6.contains(ip("2001:db8:abcd:1::1"))).isTrue();
        assertThat(v6.contains(ip("2001:db8:abce::1"))).isFalse();
        assertThat(v6.contains(ip("10.0.0.1"))).isFalse();

        assertThat(NetworkRange.parse("0.0.0.0/0").contains(ip("203.0.113.1"))).isTrue();
        assertThat(NetworkRange.parse("0.0.0.0/0").contains(ip("::1"))).isFalse();
        assertThat(NetworkRange.parse("::/0").contains(ip("::1"))).isTrue();
        assertThat(NetworkRange.parse("203.0.113.9").contains(ip("203.0.113.9"))).isTrue();
        assertThat(NetworkRange.parse("203.0.113.9").contains(ip("203.0.113.8"))).isFalse();
    }

    @Test
    void the_constructor_clears_host_bits_and_checks_the_prefix() throws UnknownHostException {
        assertThat(new NetworkRange(ip("10.9.8.7"), 16)).isEqualTo(NetworkRange.parse("10.9.0.0/16"));
        assertThatThrownBy(() -> new NetworkRange(ip("10.9.8.7"), 33))
                .hasMessage("network range has the prefix length 33: IPv4 allows 0 to 32");
        assertThatThrownBy(() -> new NetworkRange(null, 8)).hasMessage("network range has no address");
    }

    /** Test addresses are literals: no DNS lookup happens. */
    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
