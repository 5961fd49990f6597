package headwater.domain.m3u;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class M3uWriterTest {

    private static ParsedPlaylist parse(String text) throws IOException {
        return new M3uParser().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesExtendedM3u() {
        var header = new PlaylistHeader(Attributes.of("x-tvg-url", "http://h/xmltv.php?username=u&password=p", "url-tvg", "http://h/epg.xml"));
        var entry = PlaylistEntry.of("BBC One", Attributes.of("tvg-id", "bbc1.uk", "tvg-name", "BBC One", "tvg-logo",
                "http://l/1.png", "tvg-chno", "101", "group-title", "UK;News"), "http://h/live/u/p/1.ts");
        assertThat(M3uWriter.toText(new Playlist(header, List.of(entry)))).isEqualTo("""
                #EXTM3U x-tvg-url="http://h/xmltv.php?username=u&password=p" url-tvg="http://h/epg.xml"
                #EXTINF:-1 tvg-id="bbc1.uk" tvg-name="BBC One" tvg-logo="http://l/1.png" tvg-chno="101" group-title="UK;News",BBC One
                http://h/live/u/p/1.ts
                """);
    }

    @Test
    void writesExtraLinesAndHeaders() throws IOException {
        var entry = new PlaylistEntry(10.5, "Film", Attributes.of("tvg-id", "f"), Optional.of("Movies"),
                Attributes.of("http-user-agent", "Mozilla/5.0 (X11)"), Attributes.of("inputstream", "inputstream.adaptive"),
                "http://s/f.mpd", Attributes.of("user-agent", "VLC/3.0 (Linux) 100%", "referer", "http://r/?a=b&c=d|e"));
        String text = M3uWriter.toText(new Playlist(PlaylistHeader.empty(), List.of(entry)));
        assertThat(text).isEqualTo("""
                #EXTM3U
                #EXTINF:10.5 tvg-id="f",Film
                #EXTGRP:Movies
                #KODIPROP:inputstream=inputstream.adaptive
                #EXTVLCOPT:http-user-agent=Mozilla/5.0 (X11)
                http://s/f.mpd|user-agent=VLC/3.0%20(Linux)%20100%25&referer=http://r/?a%3Db%26c%3Dd%7Ce
                """);
        assertThat(parse(text).playlist().entries()).containsExactly(entry);
    }

    /** A channel name from an operator or an upstream playlist cannot add a line, an entry or an attribute. */
    @Test
    void channelNamesCannotInjectLinesOrAttributes() throws IOException {
        String evilTitle = "News\r\n#EXTINF:-1 tvg-id=\"evil\",Evil\r\nhttp://evil.example/steal.ts\n";
        String evilName = "x\" tvg-logo=\"http://evil.example/l.png\" group-title=\"Adult";
        String evilBoth = "a\"b' c\ntvg-id=\"evil\",Evil";
        var entry = PlaylistEntry.of(evilTitle, Attributes.of("tvg-id", "good", "tvg-name", evilName, "group-title", evilBoth),
                "http://good.example/1.ts");
        var header = new PlaylistHeader(Attributes.of("x-tvg-url", "http://g/\"\n#EXTINF:-1,Evil\nhttp://evil.example/"));
        String text = M3uWriter.toText(new Playlist(header, List.of(entry)));

        assertThat(text.lines()).hasSize(3);
        assertThat(text.lines().filter(line -> line.startsWith("#EXTINF"))).hasSize(1);
        assertThat(text.lines().filter(line -> !line.startsWith("#"))).containsExactly("http://good.example/1.ts");

        ParsedPlaylist again = parse(text);
        assertThat(again.report().warningCount()).isZero();
        assertThat(again.playlist().entries()).hasSize(1);
        PlaylistEntry read = again.playlist().entries().getFirst();
        assertThat(read.url()).isEqualTo("http://good.example/1.ts");
        assertThat(read.tvgId()).contains("good");
        assertThat(read.tvgLogo()).isEmpty();
        assertThat(read.tvgName()).contains(evilName);
        assertThat(read.attributes().asMap().keySet()).containsExactly("tvg-id", "tvg-name", "group-title");
        assertThat(read.attributes().get("group-title")).contains("a'b' c tvg-id='evil',Evil");
        assertThat(read.title()).isEqualTo("News  #EXTINF:-1 tvg-id=\"evil\",Evil  http://evil.example/steal.ts");
        assertThat(again.playlist().header().attributes().asMap().keySet()).containsExactly("x-tvg-url");
    }

    @Test
    void unicodeLineSeparatorsAndExtTagsInNamesStayInsideTheirLine() throws IOException {
        String evil = "News\u2028#EXTINF:-1,Evil\u2029http://evil.example/x.ts\u0085#EXTVLCOPT:http-referrer=x";
        var entry = PlaylistEntry.of(evil, Attributes.of("tvg-name", evil, "group-title", "G\u2028#EXTGRP:Evil"),
                "http://good.example/1.ts");
        String text = M3uWriter.toText(new Playlist(PlaylistHeader.empty(), List.of(entry)));

        assertThat(text).doesNotContain("\u2028", "\u2029", "\u0085");
        assertThat(text.split("\n", -1)).as("#EXTM3U, #EXTINF, the URL and the end").hasSize(4);
        assertThat(text.lines().filter(line -> line.startsWith("#EXTINF"))).hasSize(1);
        assertThat(text.lines().filter(line -> !line.startsWith("#"))).containsExactly("http://good.example/1.ts");
        PlaylistEntry read = parse(text).playlist().entries().getFirst();
        assertThat(read.url()).isEqualTo("http://good.example/1.ts");
        assertThat(read.vlcOptions().list()).isEmpty();
        assertThat(read.title()).isEqualTo("News #EXTINF:-1,Evil http://evil.example/x.ts #EXTVLCOPT:http-referrer=x");
    }

    @Test
    void optionsAndGroupsCannotInjectLines() throws IOException {
        var entry = new PlaylistEntry(-1, "T", Attributes.none(), Optional.of("G\nhttp://evil/"),
                Attributes.of("http-user-agent", "UA\r\nhttp://evil/2"), Attributes.of("a\n=b", "c\nd"),
                "http://good/", Attributes.of("user-agent", "x\r\nInjected: 1"));
        String text = M3uWriter.toText(new Playlist(PlaylistHeader.empty(), List.of(entry)));
        assertThat(text.lines().filter(line -> !line.startsWith("#"))).containsExactly(
                "http://good/|user-agent=x%0D%0AInjected:%201");
        PlaylistEntry read = parse(text).playlist().entries().getFirst();
        assertThat(read.group()).contains("G http://evil/");
        assertThat(read.vlcOptions().get("http-user-agent")).contains("UA  http://evil/2");
        assertThat(read.kodiProperties().list()).containsExactly(new Attribute("a b", "c d"));
        // A header value with control characters is never decoded into one: it reads back percent-encoded.
        assertThat(read.httpHeaders().get("user-agent")).contains("x%0D%0AInjected:%201");
    }

    @Test
    void aUrlThatWouldBreakItsLineCannotBeMade() {
        for (String url : List.of("http://a/\nhttp://evil/", "#EXTINF:-1,x", "", "  ", " http://a/", "http://a/|x=1", "http://a/\u0000")) {
            assertThatThrownBy(() -> PlaylistEntry.of("T", Attributes.none(), url))
                    .as(url).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("entry \"T\": the URL");
        }
    }

    @Test
    void quotesEachValueSoItReadsBack() throws IOException {
        var attributes = Attributes.of("plain", "a b", "double", "say \"hi\"", "both", "it's\"x\"", "comma", "a,b",
                "empty", "", "equals", "x=1");
        var entry = PlaylistEntry.of("T", attributes, "http://s/");
        String text = M3uWriter.toText(new Playlist(PlaylistHeader.empty(), List.of(entry)));
        assertThat(text).contains(" plain=\"a b\" double='say \"hi\"' both=it's\"x\" comma=\"a,b\" empty=\"\" equals=\"x=1\",T");
        assertThat(parse(text).playlist().entries()).containsExactly(entry);
    }

    @Test
    void writesDurationsAsTheyRead() throws IOException {
        for (double duration : new double[] {-1, 0, 10, 10.5, 1e20, -0.25}) {
            var entry = new PlaylistEntry(duration, "T", Attributes.none(), Optional.empty(), Attributes.none(),
                    Attributes.none(), "http://s/", Attributes.none());
            String text = M3uWriter.toText(new Playlist(PlaylistHeader.empty(), List.of(entry)));
            assertThat(parse(text).playlist().entries()).as(text).containsExactly(entry);
        }
    }

    @Test
    void parseWriteParseKeepsEveryValueOfAnAwkwardPlaylist() throws IOException {
        String awkward = """
                \uFEFF#EXTM3U url-tvg=a,b x-tvg-url='http://g/"1"' tvg-shift=-2
                #EXTINF:-1 tvg-id=id1 tvg-name='Name "quoted"' group-title="A;B" f=x"y'z catchup="xc",  Title, with comma
                #EXTVLCOPT:http-referrer=http://r/
                http://s/1|User-Agent=A%20B&Referer=http://r/%7C
                #EXTINF:-1 tvg-name="unterminated, with comma,Second
                #EXTGRP:  Group \s
                rtmp://s/2
                http://s/3
                #EXTINF:7 radio=true,
                http://s/4|
                """;
        Playlist first = parse(awkward).playlist();
        assertThat(first.entries()).hasSize(4);
        String written = M3uWriter.toText(first);
        ParsedPlaylist second = parse(written);
        assertThat(second.report().warningCount()).as(written).isZero();
        assertThat(second.playlist()).isEqualTo(first);
        assertThat(M3uWriter.toText(second.playlist())).isEqualTo(written);
    }
}
