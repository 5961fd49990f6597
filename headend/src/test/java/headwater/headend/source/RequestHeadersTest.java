package headwater.headend.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The request-header fragment of http and hls sources, one row per form. */
class RequestHeadersTest {
    private static final String SOURCE = "source 'http://h/x.ts' of channel news";

    /** Fragments exactly as the M3U import (domain SourceUri, see its SourceUriTest) writes them. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "user-agent=VLC%2F3.0",
            "user-agent=A&referer=https%3A%2F%2Fr.example%2F",
            "user-agent=Tizen%20TV",
            "user-agent=Mozilla%2F5.0%20%28X11%3B%20Linux%29&cookie=a%3Db%3B%20c%3Dd",
            "origin=https%3A%2F%2Fo.example&x-token=abc~1.2_3",
    })
    void theImportersFragmentsReadAndWriteBackUnchanged(String fragment) {
        RequestHeaders headers = RequestHeaders.parse(fragment, SOURCE);
        assertThat(headers.fragment()).isEqualTo(fragment);
        assertThat(RequestHeaders.parse(headers.fragment(), SOURCE)).isEqualTo(headers);
        URI uri = URI.create("https://a.example/x.m3u8#" + fragment);
        assertThat(RequestHeaders.parse(uri.getRawFragment(), SOURCE)).isEqualTo(headers);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', value = {
            "user-agent=VLC%2F3.0 ¦ user-agent: VLC/3.0",
            "user-agent=A&referer=https%3A%2F%2Fr.example%2F ¦ user-agent: A | referer: https://r.example/",
            "User-Agent=A ¦ user-agent: A",
            "user-agent=a+b ¦ user-agent: a+b",
            "&user-agent=A&& ¦ user-agent: A",
            "referer=https://r.example/p?q=1 ¦ referer: https://r.example/p?q=1",
            "x-custom_1.v~2!=v%09w ¦ x-custom_1.v~2!: v\tw",
            "cookie=a=b ¦ cookie: a=b",
    })
    void parses(String fragment, String expected) {
        Map<String, String> want = new LinkedHashMap<>();
        for (String line : expected.split(" \\| ")) {
            int colon = line.indexOf(": ");
            want.put(line.substring(0, colon), line.substring(colon + 2).replace("\\t", "\t"));
        }
        assertThat(RequestHeaders.parse(fragment, SOURCE).asMap()).containsExactlyEntriesOf(want);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', value = {
            "user-agent=a%0D%0AX-Evil:%201 ¦ has header 'user-agent' whose value holds CR at index 1: refused (header injection)",
            "referer=x%0Ay ¦ has header 'referer' whose value holds LF at index 1: refused (header injection)",
            "x-a=b%00 ¦ has header 'x-a' whose value holds NUL at index 1: refused (header injection)",
            "x-a%0D%0AHost=evil ¦ has header name 'x-aU+000DU+000Ahost' in its fragment: expected an HTTP token",
            "x-%C3%A9=1 ¦ has header name 'x-é' in its fragment: expected an HTTP token",
            "x-a=%E2%9C%93 ¦ has header 'x-a' whose value holds U+2713 at index 0: only printable ASCII",
            "x-a=%01 ¦ has header 'x-a' whose value holds U+0001 at index 0",
            "user-agent= ¦ has header 'user-agent' with an empty value",
            "user-agent=%20A ¦ has header 'user-agent' whose value starts or ends with white space",
            "=A ¦ has header name '' in its fragment",
            "frag ¦ has 'frag' in its fragment: expected request headers as name=value pairs joined by '&'",
            "host=evil.example ¦ has header 'host' in its fragment: the HTTP client sets it, a source may not",
            "Content-Length=0 ¦ has header 'content-length' in its fragment: the HTTP client sets it",
            "user-agent=A&User-Agent=B ¦ repeats header 'user-agent' in its fragment",
            "user-agent=%ZZ ¦ has 'user-agent=%ZZ' in its fragment, which is not percent-encoded correctly",
            "x a=1 ¦ has header name 'x a' in its fragment",
    })
    void refuses(String fragment, String message) {
        assertThatThrownBy(() -> RequestHeaders.parse(fragment, SOURCE))
                .isInstanceOf(InvalidSourceException.class)
                .hasMessageStartingWith(SOURCE + " " + message);
    }

    @org.junit.jupiter.api.Test
    void limits() {
        String longest = "a".repeat(RequestHeaders.MAX_VALUE);
        assertThat(RequestHeaders.parse("x=" + longest, SOURCE).get("X")).isEqualTo(longest);
        assertThatThrownBy(() -> RequestHeaders.parse("x=" + longest + "a", SOURCE))
                .hasMessage(SOURCE + " has header 'x' with a value of 4097 characters: at most 4096");
        assertThatThrownBy(() -> RequestHeaders.parse("n".repeat(RequestHeaders.MAX_NAME + 1) + "=1", SOURCE))
                .hasMessageContaining("expected an HTTP token of at most 64 characters");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= RequestHeaders.MAX_HEADERS; i++) {
            many.append("&x-").append(i).append("=1");
        }
        assertThatThrownBy(() -> RequestHeaders.parse(many.toString(), SOURCE))
                .hasMessage(SOURCE + " has more than 32 headers in its fragment");
        assertThat(RequestHeaders.parse(null, SOURCE)).isSameAs(RequestHeaders.NONE);
        assertThat(RequestHeaders.parse("", SOURCE).userAgent("Headwater")).isEqualTo("Headwater");
        assertThat(RequestHeaders.parse("cookie=secret", SOURCE)).hasToString("request headers [cookie]");
    }
}
