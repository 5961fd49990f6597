package headwater.security.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeUriTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://u:p@host/x.m3u | http://***@host/x.m3u",
            "http://host:8080/get.php?username=bob&password=s3cret&type=m3u_plus | http://host:8080/get.php?username=bob&password=***&type=m3u_plus",
            "https://h/epg.xml?token=abc&Key=1 | https://h/epg.xml?token=***&Key=***",
            "https://h/epg.xml | https://h/epg.xml",
    })
    void masksSecrets(String uri, String shown) {
        assertThat(SafeUri.of(URI.create(uri))).isEqualTo(shown);
        assertThat(SafeUri.ofText(uri)).isEqualTo(shown);
    }
}
