package headwater.domain.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.m3u.M3uParser;
import headwater.domain.m3u.PlaylistEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How an entry's URL and its HTTP headers become one catalogue source URI, one row per form seen in playlists. */
class SourceUriTest {

    static PlaylistEntry entry(String lines) throws IOException {
        String text = "#EXTM3U\n#EXTINF:-1,Test\n" + lines.replace("\\n", "\n") + "\n";
        return new M3uParser().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).playlist()
                .entries().getFirst();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '\u00a6', quoteCharacter = '"', value = {
            "http://a.example/live.ts ¦ http://a.example/live.ts",
            "https://a.example/x.m3u8|user-agent=VLC/3.0 ¦ https://a.example/x.m3u8#user-agent=VLC%2F3.0",
            "https://a.example/x.m3u8|User-Agent=A&Referer=https://r.example/ ¦ https://a.example/x.m3u8#user-agent=A&referer=https%3A%2F%2Fr.example%2F",
            "#EXTVLCOPT:http-user-agent=Tizen TV\\nhttp://a.example/x.ts ¦ http://a.example/x.ts#user-agent=Tizen%20TV",
            "#EXTVLCOPT:http-user-agent=B\\nhttp://a.example/x.ts|user-agent=A ¦ http://a.example/x.ts#user-agent=A",
            "#KODIPROP:inputstream.adaptive.manifest_headers=Origin=https://o.example&X-Token=abc\\nhttps://a.example/m.mpd ¦ https://a.example/m.mpd#origin=https%3A%2F%2Fo.example&x-token=abc",
            "http://a.example/my stream.ts ¦ http://a.example/my%20stream.ts",
            "http://a.example/x.ts?a=[1]&b={2} ¦ http://a.example/x.ts?a=%5B1%5D&b=%7B2%7D",
            "http://[2001:db8::1]:8080/x.ts ¦ http://[2001:db8::1]:8080/x.ts",
            "http://a.example/100%.ts ¦ http://a.example/100%25.ts",
            "rtmp://a.example/live/key ¦ rtmp://a.example/live/key",
            "udp://@239.0.0.1:1234 ¦ udp://@239.0.0.1:1234",
            "http://a.example/x.ts#user-agent=A ¦ http://a.example/x.ts#user-agent=A",
            "rtmp://a.example/live#f=flv ¦ rtmp://a.example/live#f=flv",
            "https://a.example/pxx.php?cid=bs02#.m3u8 ¦ https://a.example/pxx.php?cid=bs02#.m3u8",
    })
    void becomesThisSource(String lines, String expected) throws IOException {
        var problems = new ArrayList<String>();
        URI source = SourceUri.of(entry(lines), problems::add);
        assertThat(problems).isEmpty();
        assertThat(source).hasToString(expected);
        assertThat(URI.create(expected)).isEqualTo(source);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "acestream://0123 | the URL's scheme 'acestream' is not one the headend reads",
            "plugin://plugin.video.youtube/x | the URL's scheme 'plugin' is not one the headend reads",
            "[NO PUBLIC STREAM] | the URL '[NO PUBLIC STREAM]' is not a URI",
            "file:///etc/passwd | the URL's scheme 'file' is not one the headend reads",
            "mailto:x@example.com | is not an absolute URL such as http://host/path",
    })
    void cannotBeASource(String url, String problem) throws IOException {
        var problems = new ArrayList<String>();
        assertThat(SourceUri.of(entry(url), problems::add)).isNull();
        assertThat(problems).singleElement().asString().contains(problem)
                .endsWith("the channel is imported disabled, without a source");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '\u00a6', value = {"http://a.example/x.ts#frag|user-agent=A"})
    void headersReplaceAFragmentAndSaySo(String url) throws IOException {
        var problems = new ArrayList<String>();
        URI source = SourceUri.of(entry(url), problems::add);
        assertThat(source).hasToString("http://a.example/x.ts#user-agent=A");
        assertThat(problems).containsExactly("the URL's fragment '#frag' is replaced by its HTTP headers [user-agent] "
                + "(a fragment is never sent to the server)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '\u00a6', value = {
            "https://a.example/x.m3u8|User-Agent=Mozilla/5.0 (X11; Linux)&Cookie=a=b; c=d"})
    void theHeadersReadBackFromTheFragment(String url) throws IOException {
        URI source = SourceUri.of(entry(url), problem -> { throw new AssertionError(problem); });
        assertThat(SourceUri.headersOf(source)).isEqualTo(Map.of("user-agent", "Mozilla/5.0 (X11; Linux)",
                "cookie", "a=b; c=d"));
        assertThat(source.getRawFragment()).isEqualTo("user-agent=Mozilla%2F5.0%20%28X11%3B%20Linux%29"
                + "&cookie=a%3Db%3B%20c%3Dd");
    }

    /** The headend refuses a source whose fragment it cannot send; the import drops such headers and says why. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '\u00a6', value = {
            "https://a.example/x.m3u8|User-Agent=A&X-Ünïcode=v ¦ https://a.example/x.m3u8#user-agent=A ¦ the HTTP header 'x-ünïcode' is not kept: its name is not an HTTP token of at most 64 characters",
            "https://a.example/x.m3u8|X-Token=é&Referer=r ¦ https://a.example/x.m3u8#referer=r ¦ the HTTP header 'x-token' is not kept: its value is not 1 to 4096 printable ASCII characters without white space at the ends",
            "https://a.example/x.m3u8|Host=evil.example ¦ https://a.example/x.m3u8 ¦ the HTTP header 'host' is not kept: the HTTP client sets it itself",
            "http://a.example/x.ts#frag ¦ http://a.example/x.ts ¦ the URL's fragment '#frag' is dropped: it is not a list of HTTP headers, and a fragment is never sent to the server",
            "http://a.example/x.ts#x=%0D%0Ainjected ¦ http://a.example/x.ts ¦ the URL's fragment '#x=%0D%0Ainjected' is dropped: it is not a list of HTTP headers, and a fragment is never sent to the server",
    })
    void headersTheHeadendCannotSendAreDroppedAndReported(String url, String expected, String problem)
            throws IOException {
        var problems = new ArrayList<String>();
        URI source = SourceUri.of(entry(url), problems::add);
        assertThat(source).hasToString(expected);
        assertThat(problems).containsExactly(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '\u00a6', value = {"rtmp://a.example/live/key|user-agent=A", "udp://239.0.0.1:1234|referer=x"})
    void onlyHttpSourcesCarryHeaders(String url) throws IOException {
        var problems = new ArrayList<String>();
        URI source = SourceUri.of(entry(url), problems::add);
        assertThat(source).hasToString(url.substring(0, url.indexOf('|')));
        assertThat(problems).singleElement().asString().endsWith("are not kept: the URL is not http or https");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "News HD | news-hd",
            "Télé  Ⓢ 24/7 | tele-s-24-7",
            "الجزيرة | channel",
            "--- | channel",
            "Ceština 24 | cestina-24",
    })
    void slugs(String name, String slug) {
        assertThat(Slugs.of(name, "channel")).isEqualTo(slug);
        var taken = new java.util.HashSet<>(List.of(slug));
        assertThat(Slugs.unique(slug, taken)).isEqualTo(slug + "-2");
        assertThat(Slugs.unique(slug, taken)).isEqualTo(slug + "-3");
    }
}
