package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client behind trusted proxies: the right-most untrusted X-Forwarded-For entry, else the peer. */
class ForwardedForTest {

    private static final TrustedProxies PROXIES = TrustedProxies.of(List.of("10.0.0.0/8", "2001:db8::/32"));

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    private static String client(String peer, String... values) throws Exception {
        return ForwardedFor.client(ip(peer), List.of(values), PROXIES).getHostAddress();
    }

    @ParameterizedTest(name = "{0} via {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // peer        | X-Forwarded-For                                  | client
            "10.0.0.1      | 203.0.113.9                                      | 203.0.113.9",
            "10.0.0.1      | 203.0.113.9, 10.0.0.2                            | 203.0.113.9",
            "10.0.0.1      | 198.51.100.1, 203.0.113.9, 10.0.0.2              | 203.0.113.9",
            "10.0.0.1      | 10.9.9.9, 203.0.113.9                            | 203.0.113.9",
            "10.0.0.1      | garbage, 203.0.113.9                             | 203.0.113.9",
            "10.0.0.1      | 203.0.113.9,10.0.0.2                             | 203.0.113.9",
            "10.0.0.1      | '  203.0.113.9 ,  10.0.0.3 '                     | 203.0.113.9",
            "10.0.0.1      | 10.0.0.7, 10.0.0.2                               | 10.0.0.7",
            "10.0.0.1      | [2001:db9::1]                                    | 2001:db9:0:0:0:0:0:1",
            "10.0.0.1      | 2001:db9::1, 2001:db8::5                         | 2001:db9:0:0:0:0:0:1",
            "10.0.0.1      | ::ffff:203.0.113.9                               | 203.0.113.9",
            "10.0.0.1      | 203.0.113.9, unknown                             | 10.0.0.1",
            "10.0.0.1      | 203.0.113.9:4711                                 | 10.0.0.1",
            "10.0.0.1      | 203.0.113.9,                                     | 10.0.0.1",
            "10.0.0.1      | 203.0.113.9, , 10.0.0.2                          | 10.0.0.1",
            "10.0.0.1      | ''                                               | 10.0.0.1",
            "10.0.0.1      | proxy.example                                    | 10.0.0.1",
            "10.0.0.1      | 203.0.113.9 10.0.0.2                             | 10.0.0.1",
            "192.0.2.50    | 203.0.113.9                                      | 192.0.2.50",
            "192.0.2.50    | 10.0.0.2, 203.0.113.9                            | 192.0.2.50",
            "2001:db8::9   | 203.0.113.9                                      | 203.0.113.9",
            "::ffff:10.0.0.1 | 203.0.113.9                                    | 203.0.113.9"})
    void resolvesTheClient(String peer, String header, String expected) throws Exception {
        assertThat(client(peer, header)).isEqualTo(expected);
    }

    @Test
    void severalHeadersAreOneListInArrivalOrder() throws Exception {
        assertThat(client("10.0.0.1", "198.51.100.1", "203.0.113.9, 10.0.0.2")).isEqualTo("203.0.113.9");
        assertThat(client("10.0.0.1", "203.0.113.9", "10.0.0.2")).isEqualTo("203.0.113.9");
        assertThat(client("10.0.0.1", "garbage", "10.0.0.2")).isEqualTo("10.0.0.1");
    }

    @Test
    void noHeaderOrNoTrustIsThePeer() throws Exception {
        assertThat(ForwardedFor.client(ip("10.0.0.1"), List.of(), PROXIES)).isEqualTo(ip("10.0.0.1"));
        assertThat(ForwardedFor.client(ip("10.0.0.1"), List.of("203.0.113.9"), TrustedProxies.none()))
                .isEqualTo(ip("10.0.0.1"));
        assertThat(ForwardedFor.client(null, List.of("203.0.113.9"), PROXIES)).isNull();
    }

    @Test
    void networksMatchOnTheirPrefixOnly() throws Exception {
        TrustedProxies odd = TrustedProxies.of(List.of("172.16.0.0/12", "192.0.2.7", "0.0.0.0/0"));
        TrustedProxies narrow = TrustedProxies.of(List.of("172.16.0.0/12", "192.0.2.7"));

        assertThat(narrow.trusts(ip("172.31.255.255"))).isTrue();
        assertThat(narrow.trusts(ip("172.32.0.0"))).isFalse();
        assertThat(narrow.trusts(ip("192.0.2.7"))).isTrue();
        assertThat(narrow.trusts(ip("192.0.2.8"))).isFalse();
        assertThat(narrow.trusts(ip("::ffff:172.16.0.1"))).isTrue();
        assertThat(narrow.trusts(ip("2001:db8::1"))).isFalse();
        assertThat(odd.trusts(ip("8.8.8.8"))).isTrue();
        assertThat(odd.trusts(ip("::1"))).isFalse();
    }
}
