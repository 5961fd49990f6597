package headwater.security.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The address classes of the outbound policy, one row per rule and per edge of each range. */
class AddressClassTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "8.8.8.8, PUBLIC",
            "1.1.1.1, PUBLIC",
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "10.0.0.5, PRIVATE",
            "10.255.255.255, PRIVATE",
            "172.15.255.255, PUBLIC",
            "172.16.0.0, PRIVATE",
            "172.31.255.255, PRIVATE",
            "172.32.0.0, PUBLIC",
            "192.168.1.1, PRIVATE",
            "192.169.0.1, PUBLIC",
            "169.254.169.254, LINK_LOCAL",
            "169.254.0.1, LINK_LOCAL",
            "100.63.255.255, PUBLIC",
            "100.64.0.1, CGNAT",
            "100.127.255.255, CGNAT",
            "100.128.0.0, PUBLIC",
            "0.0.0.0, UNSPECIFIED",
            "0.1.2.3, RESERVED",
            "224.0.0.1, MULTICAST",
            "239.255.255.255, MULTICAST",
            "255.255.255.255, BROADCAST",
            "240.0.0.1, RESERVED",
            "192.0.2.10, RESERVED",
            "198.18.0.1, RESERVED",
            "198.51.100.7, RESERVED",
            "203.0.113.9, RESERVED",
            "'::', UNSPECIFIED",
            "'::1', LOOPBACK",
            "'fe80::1', LINK_LOCAL",
            "'febf:ffff::1', LINK_LOCAL",
            "'fc00::1', PRIVATE",
            "'fd12:3456::1', PRIVATE",
            "'fec0::1', PRIVATE",
            "'ff02::1', MULTICAST",
            "'2001:db8::1', RESERVED",
            "'2001:0:4136:e378:8000:63bf:3fff:fdd2', RESERVED",
            "'2606:4700:4700::1111', PUBLIC",
            // IPv6 forms that reach an IPv4 address are classified by that address.
            "'::ffff:10.0.0.5', PRIVATE",
            "'::ffff:169.254.169.254', LINK_LOCAL",
            "'::ffff:127.0.0.1', LOOPBACK",
            "'::ffff:8.8.8.8', PUBLIC",
            "'::ffff:0:10.1.2.3', PRIVATE",
            "'::127.0.0.1', LOOPBACK",
            "'::10.0.0.1', PRIVATE",
            "'64:ff9b::a9fe:a9fe', LINK_LOCAL",
            "'64:ff9b::7f00:1', LOOPBACK",
            "'64:ff9b::808:808', PUBLIC",
            "'64:ff9b:1::1', PRIVATE",
            "'2002:c0a8:0101::1', PRIVATE",
            "'2002:7f00:1::', LOOPBACK",
            "'2002:0808:0808::1', PUBLIC",
    })
    void classifies(String literal, AddressClass expected) throws UnknownHostException {
        assertThat(AddressClass.of(InetAddress.getByName(literal))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} carries {1}")
    @CsvSource({
            "'64:ff9b::a00:5', 10.0.0.5",
            "'::ffff:0:a00:5', 10.0.0.5",
            "'2002:a9fe:a9fe::', 169.254.169.254",
            "'::a00:5', 10.0.0.5",
    })
    void findsTheEmbeddedIpv4Address(String literal, String ipv4) throws UnknownHostException {
        assertThat(AddressClass.embeddedIpv4(InetAddress.getByName(literal)))
                .hasValueSatisfying(v4 -> assertThat(v4.getHostAddress()).isEqualTo(ipv4));
    }

    @ParameterizedTest
    @CsvSource({"'::'", "'::1'", "'2606:4700:4700::1111'", "'fe80::1'"})
    void nativeIpv6AddressesCarryNone(String literal) throws UnknownHostException {
        assertThat(AddressClass.embeddedIpv4(InetAddress.getByName(literal))).isEmpty();
    }
}
