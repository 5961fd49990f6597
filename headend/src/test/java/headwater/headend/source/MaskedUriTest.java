package headwater.headend.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MaskedUriTest {
    @Test
    void masksPasswordsAndSecretParameters() {
        assertThat(new MaskedUri(URI.create("http://bob:pw@example.com:8080/live.ts?x=1&token=t0k&Sig=zz")))
                .hasToString("http://bob:***@example.com:8080/live.ts?x=1&token=***&Sig=***");
        assertThat(MaskedUri.mask("rtmp://a:b@h/app: Input/output error"))
                .isEqualTo("rtmp://a:***@h/app: Input/output error");
    }

    @Test
    void leavesUrisWithoutSecretsAlone() {
        assertThat(new MaskedUri(URI.create("udp://@239.1.1.1:1234?interface=eth1")))
                .hasToString("udp://@239.1.1.1:1234?interface=eth1");
        assertThat(new MaskedUri(URI.create("http://user@example.com/monkey.ts?keyframe=1")))
                .hasToString("http://user@example.com/monkey.ts?keyframe=1");
    }
}
