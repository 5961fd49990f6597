package headwater.headend.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.http.HttpRequest;

/**
 * The request-header fragment of a source URI, which comes from imported playlists. Any fragment either parses into
 * headers that the JDK client accepts and that write back to an equal fragment, or is refused with an
 * {@link InvalidSourceException} naming the source; nothing else escapes. Without JAZZER_FUZZ=1 this runs the seed
 * corpus in RequestHeadersFuzzTestInputs (importer fragments, injections) as a regression test;
 * {@code JAZZER_FUZZ=1 ./mvnw -pl headend test -Dtest=RequestHeadersFuzzTest} fuzzes.
 */
class RequestHeadersFuzzTest {
    private static final String SOURCE = "source 'fuzz' of channel f";

    @FuzzTest(maxDuration = "30s")
    void fragment(byte[] input) {
        String fragment = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        RequestHeaders headers;
        try {
            headers = RequestHeaders.parse(fragment, SOURCE);
        } catch (InvalidSourceException e) {
            assertThat(e).hasMessageStartingWith(SOURCE + " ");
            assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n").doesNotContain("\0");
            return;
        }
        assertThat(headers.asMap()).hasSizeLessThanOrEqualTo(RequestHeaders.MAX_HEADERS);
        assertThat(RequestHeaders.parse(headers.fragment(), SOURCE)).isEqualTo(headers);
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1/"));
        headers.addTo(request, true); // the JDK's own header checks must agree with ours
        request.header("User-Agent", headers.userAgent("Headwater"));
        assertThat(request.build().headers().map()).hasSizeGreaterThanOrEqualTo(1);
    }
}
