package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.1.2.3", "255.255.255.255", "192.0.2.7", "::", "::1", "1::", "2001:db8::",
            "2001:DB8:0:0:0:0:0:1", "fe80::1:2", "::ffff:192.0.2.1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4",
            "1::8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8"})
    void parsesWhatTheJdkParsesTheSame(String literal) throws Exception {
        byte[] parsed = IpLiteral.parse(literal);

        assertThat(parsed).isNotNull();
        assertThat(IpLiteral.unmapped(parsed)).isEqualTo(InetAddress.getByName(literal).getAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "1.2.3.4 ", " 1.2.3.4",
            "1..2.3", "1.2.3.", ".1.2.3", "a.b.c.d", "localhost", "example.com", ":", ":::", "1:::2", "1::2::3",
            ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:", "12345::", "g::", "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4",
            "fe80::1%eth0", "[::1]", "1:2:3:4:5:6:7:8::", "::1.2.3.4.5", "1.2.3.4::", "1.2.3.4:80", "１.2.3.4",
            "1:2:3:4:5:6:7::8"})
    void refusesEverythingElseWithoutALookup(String text) {
        assertThat(IpLiteral.parse(text)).isNull();
    }
}
