package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryOptionsTest {

    @Test
    void defaultsListenOnLoopbackOnly() {
        DeliveryOptions defaults = DeliveryOptions.defaults();

        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.eventLoops()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.maxHeaderSize()).isEqualTo(8192);
    }

    @Test
    void invalidValuesNameTheirKey() {
        DeliveryOptions d = DeliveryOptions.defaults();
        assertThatThrownBy(() -> d.withPort(70_000)).hasMessageContaining("'port'").hasMessageContaining("70000");
        assertThatThrownBy(() -> d.withEventLoops(0)).hasMessageContaining("'eventLoops'");
        assertThatThrownBy(() -> d.withHost(" ")).hasMessageContaining("'host'");
        assertThatThrownBy(() -> d.withStreamBuffers(1, 1 << 20)).hasMessageContaining("'streamWriteQueueBytes'");
        assertThatThrownBy(() -> d.withIdleTimeout(Duration.ZERO)).hasMessageContaining("'idleTimeout'");
        assertThatThrownBy(() -> d.withOpenSegmentFiles(0)).hasMessageContaining("'openSegmentFiles'");
    }

    @Test
    void defaultsTrustNoProxy() {
        assertThat(DeliveryOptions.defaults().trustedProxies().isEmpty()).isTrue();
        assertThat(DeliveryOptions.defaults().withTrustedProxies(List.of()).trustedProxies())
                .isEqualTo(TrustedProxies.none());
    }

    @Test
    void trustedProxiesAreParsedIntoCanonicalNetworks() {
        DeliveryOptions options = DeliveryOptions.defaults()
                .withTrustedProxies(List.of("10.0.0.0/8", " 192.0.2.7 ", "2001:DB8::/32", "::ffff:172.16.0.0/108"));

        assertThat(options.trustedProxies().cidrs())
                .containsExactly("10.0.0.0/8", "192.0.2.7/32", "2001:db8:0:0:0:0:0:0/32", "172.16.0.0/12");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "proxy.example|'trustedProxies' entry 1 of 1: \"proxy.example\" is not an IP address or network: expected e.g. 10.0.0.0/8, 192.0.2.7 or 2001:db8::/32 (host names are not resolved)",
            "10.0.0.0/33|'trustedProxies' entry 1 of 1: \"10.0.0.0/33\": prefix length \"33\" must be a decimal number 0..32 for an IPv4 network",
            "2001:db8::/129|'trustedProxies' entry 1 of 1: \"2001:db8::/129\": prefix length \"129\" must be a decimal number 0..128 for an IPv6 network",
            "10.0.0.0/-1|'trustedProxies' entry 1 of 1: \"10.0.0.0/-1\": prefix length \"-1\" must be a decimal number 0..32 for an IPv4 network",
            "10.0.0.0/|'trustedProxies' entry 1 of 1: \"10.0.0.0/\": prefix length \"\" must be a decimal number 0..32 for an IPv4 network",
            "10.1.2.3/8|'trustedProxies' entry 1 of 1: \"10.1.2.3/8\": address bits beyond the /8 prefix are set; the network is 10.0.0.0/8",
            "2001:db8::1/32|'trustedProxies' entry 1 of 1: \"2001:db8::1/32\": address bits beyond the /32 prefix are set; the network is 2001:db8:0:0:0:0:0:0/32",
            "010.0.0.0/8|'trustedProxies' entry 1 of 1: \"010.0.0.0/8\" is not an IP address or network: expected e.g. 10.0.0.0/8, 192.0.2.7 or 2001:db8::/32 (host names are not resolved)",
            "fe80::1%eth0|'trustedProxies' entry 1 of 1: \"fe80::1%eth0\" is not an IP address or network: expected e.g. 10.0.0.0/8, 192.0.2.7 or 2001:db8::/32 (host names are not resolved)",
            "::ffff:10.0.0.0/8|'trustedProxies' entry 1 of 1: \"::ffff:10.0.0.0/8\": an IPv4-mapped network needs a prefix length 96..128; write the IPv4 network instead, e.g. 10.0.0.0/8"})
    void badTrustedProxiesAreNamedPrecisely(String entry, String message) {
        assertThatThrownBy(() -> DeliveryOptions.defaults().withTrustedProxies(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void blankAndNullEntriesAreNamedByPosition() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/8", " ")))
                .hasMessage("'trustedProxies' entry 2 of 2 is blank: expected e.g. 10.0.0.0/8");
        assertThatThrownBy(() -> TrustedProxies.of(Arrays.asList("10.0.0.0/8", null, "10.0.0.1")))
                .hasMessage("'trustedProxies' entry 2 of 3 is null: expected e.g. 10.0.0.0/8");
    }
}
