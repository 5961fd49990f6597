package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

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
        assertThatThrownBy(() -> new DeliveryOptions("127.0.0.1", 0, Duration.ZERO, 4096, 8192, 1, false, 4096, 4096))
                .hasMessageContaining("'idleTimeout'");
    }
}
