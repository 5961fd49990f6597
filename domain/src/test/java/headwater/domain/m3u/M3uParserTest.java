package headwater.domain.m3u;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class M3uParserTest {

    private static ParsedPlaylist read(String text) throws IOException {
        return new M3uParser().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<PlaylistEntry> entries(String text) throws IOException {
        return read(text).playlist().entries();
    }

    @Test
    void readsHeaderAttributes() throws IOException {
        PlaylistHeader header = read("""
                #EXTM3U x-tvg-url="http://a/guide.xml.gz, http://b/guide.xml" url-tvg="http://b/guide.xml,http://c/g.xml" tvg-shift="-4.5" catchup="shift" catchup-source="?utc={utc}" catchup-days="7" catchup-correction="1.5"
                """).playlist().header();
        assertThat(header.epgUrls()).containsExactly("http://a/guide.xml.gz", "http://b/guide.xml", "http://c/g.xml");
        assertThat(header.tvgShift()).contains(-4.5);
        assertThat(header.catchup()).contains("shift");
        assertThat(header.catchupSource()).contains("?utc={utc}");
        assertThat(header.catchupDays()).hasValue(7);
        assertThat(header.catchupCorrection()).contains(1.5);
        assertThat(header.attributes().asMap().keySet())
                .containsExactly("x-tvg-url", "url-tvg", "tvg-shift", "catchup", "catchup-source", "catchup-days", "catchup-correction");
    }

    @Test
    void readsEveryEntryAttributeWithTypedAccessors() throws IOException {
        PlaylistEntry entry = entries("""
                #EXTM3U
                #EXTINF:-1 tvg-id="bbc1.uk" tvg-name="BBC One" tvg-logo="http://l/1.png" tvg-chno="101" group-title="UK;News; ;UK" radio="TRUE" tvg-shift="+1" catchup="append" catchup-source="?start={utc}" catchup-days="3" catchup-correction="-0.5" timeshift="2",BBC One HD
                http://s/1.ts
                """).getFirst();
        assertThat(entry.tvgId()).contains("bbc1.uk");
        assertThat(entry.tvgName()).contains("BBC One");
        assertThat(entry.tvgLogo()).contains("http://l/1.png");
        assertThat(entry.tvgChno()).contains("101");
        assertThat(entry.groupTitles()).containsExactly("UK", "News");
        assertThat(entry.radio()).isTrue();
        assertThat(entry.tvgShift()).contains(1.0);
        assertThat(entry.catchup()).contains("append");
        assertThat(entry.catchupSource()).contains("?start={utc}");
        assertThat(entry.catchupDays()).hasValue(3);
        assertThat(entry.catchupCorrection()).contains(-0.5);
        assertThat(entry.timeshift()).hasValue(2);
        assertThat(entry.title()).isEqualTo("BBC One HD");
        assertThat(entry.duration()).isEqualTo(-1);
    }

    @Test
    void readsExtraLinesAndTheHeaderSuffixOfTheUrl() throws IOException {
        PlaylistEntry entry = entries("""
                #EXTM3U
                #EXTINF:-1 tvg-id="x",X
                #EXTGRP:Movies
                #EXTVLCOPT:http-user-agent=Mozilla/5.0 (SMART-TV)
                #EXTVLCOPT:http-referrer=http://ref/
                #KODIPROP:inputstream.adaptive.manifest_type=mpd
                #KODIPROP:inputstream=inputstream.adaptive
                http://s/x.mpd|user-agent=VLC%2F3.0.18%20LibVLC&referer=http://r/?a%3Db&X-Forwarded-For=1.2.3.4
                """).getFirst();
        assertThat(entry.group()).contains("Movies");
        assertThat(entry.vlcOptions().asMap()).containsExactly(
                java.util.Map.entry("http-user-agent", "Mozilla/5.0 (SMART-TV)"),
                java.util.Map.entry("http-referrer", "http://ref/"));
        assertThat(entry.kodiProperties().get("INPUTSTREAM")).contains("inputstream.adaptive");
        assertThat(entry.kodiProperties().get("inputstream.adaptive.manifest_type")).contains("mpd");
        assertThat(entry.url()).isEqualTo("http://s/x.mpd");
        assertThat(entry.httpHeaders().list()).containsExactly(
                new Attribute("user-agent", "VLC/3.0.18 LibVLC"),
                new Attribute("referer", "http://r/?a=b"),
                new Attribute("X-Forwarded-For", "1.2.3.4"));
        assertThat(entry.userAgent()).contains("VLC/3.0.18 LibVLC");
        assertThat(entry.referrer()).contains("http://r/?a=b");
    }

    @Test
    void fallsBackToVlcOptionsForUserAgentAndReferrer() throws IOException {
        PlaylistEntry entry = entries("""
                #EXTINF:-1,X
                #EXTVLCOPT:http-user-agent=Kodi
                #EXTVLCOPT:http-referrer=http://ref/
                http://s/x
                """).getFirst();
        assertThat(entry.userAgent()).contains("Kodi");
        assertThat(entry.referrer()).contains("http://ref/");
    }

    @Test
    void readsQuotedSingleQuotedAndBareValues() throws IOException {
        PlaylistEntry entry = entries("""
                #EXTM3U
                #EXTINF:-1 a="x=1, y=2" b='say "hi"' c=bare d="" e='it''s' f=x"y'z,Title, with a comma
                http://s/1
                """).getFirst();
        assertThat(entry.attributes().list()).containsExactly(
                new Attribute("a", "x=1, y=2"),
                new Attribute("b", "say \"hi\""),
                new Attribute("c", "bare"),
                new Attribute("d", ""),
                new Attribute("e", "it"),
                new Attribute("f", "x\"y'z"));
        assertThat(entry.title()).isEqualTo("Title, with a comma");
    }

    @Test
    void bareValueEndsAtTheTitleComma() throws IOException {
        PlaylistEntry entry = entries("#EXTINF:-1 group-title=News,CNN International\nhttp://s/1\n").getFirst();
        assertThat(entry.groupTitles()).containsExactly("News");
        assertThat(entry.title()).isEqualTo("CNN International");
    }

    @Test
    void keepsTheFirstOfRepeatedAttributesAndWarns() throws IOException {
        ParsedPlaylist parsed = read("#EXTM3U\n#EXTINF:-1 tvg-id=\"first\" TVG-ID=\"second\" tvg-name=\"n\",T\nhttp://s/1\n");
        PlaylistEntry entry = parsed.playlist().entries().getFirst();
        assertThat(entry.attributes().list()).containsExactly(new Attribute("tvg-id", "first"), new Attribute("tvg-name", "n"));
        assertThat(parsed.report().warnings()).containsExactly(
                new ImportNotice(2, "attribute 'TVG-ID' is repeated; the first value is kept"));
    }

    @Test
    void keepsTheCaseOfNamesAndLooksThemUpIgnoringIt() throws IOException {
        PlaylistEntry entry = entries("#EXTINF:-1 TVG-ID=\"Up\" Tvg-Logo=\"l\",T\nhttp://s/1\n").getFirst();
        assertThat(entry.attributes().asMap().keySet()).containsExactly("TVG-ID", "Tvg-Logo");
        assertThat(entry.tvgId()).contains("Up");
        assertThat(entry.tvgLogo()).contains("l");
    }

    @Test
    void survivesAQuoteThatNeverCloses() throws IOException {
        ParsedPlaylist parsed = read("#EXTINF:-1 tvg-id=\"a\" tvg-name=\"Broken, really,Real Title\nhttp://s/1\n");
        PlaylistEntry entry = parsed.playlist().entries().getFirst();
        assertThat(entry.tvgId()).contains("a");
        assertThat(entry.tvgName()).contains("Broken, really");
        assertThat(entry.title()).isEqualTo("Real Title");
        assertThat(parsed.report().warnings()).extracting(ImportNotice::message)
                .anyMatch(m -> m.contains("never closes"));
    }

    @Test
    void toleratesBomCrlfCrBlankLinesCommentsAndUnknownTags() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = "#EXTM3U x-tvg-url=\"http://g/\"\r\n\r\n# a comment\r\n#EXT-X-SESSION-DATA:DATA-ID=\"x\"\r\n"
                + "#EXTINF:-1 tvg-id=\"a\",A\r\nhttp://s/a\r\n   \r\n#EXTINF:-1 tvg-id=\"b\",B\rhttp://s/b\r#EXTINF:10.5,C\nhttp://s/c";
        byte[] bytes = concat(bom, body.getBytes(StandardCharsets.UTF_8));
        ParsedPlaylist parsed = new M3uParser().read(new ByteArrayInputStream(bytes));
        assertThat(parsed.playlist().header().epgUrls()).containsExactly("http://g/");
        assertThat(parsed.playlist().entries()).extracting(PlaylistEntry::title).containsExactly("A", "B", "C");
        assertThat(parsed.playlist().entries()).extracting(PlaylistEntry::url).containsExactly("http://s/a", "http://s/b", "http://s/c");
        assertThat(parsed.playlist().entries().get(2).duration()).isEqualTo(10.5);
        assertThat(parsed.report().warningCount()).isZero();
        assertThat(parsed.report().lines()).isEqualTo(11);
    }

    @Test
    void warnsAboutAMissingHeader() throws IOException {
        ParsedPlaylist parsed = read("\n#EXTINF:-1,A\nhttp://s/a\n");
        assertThat(parsed.playlist().entries()).hasSize(1);
        assertThat(parsed.playlist().header()).isEqualTo(PlaylistHeader.empty());
        assertThat(parsed.report().warnings()).containsExactly(
                new ImportNotice(2, "no #EXTM3U header; read as a playlist without header attributes"));
    }

    @Test
    void readsPlainM3uWithTheUrlAsTitle() throws IOException {
        List<PlaylistEntry> entries = entries("http://s/a.ts\n  rtmp://s/b  \n");
        assertThat(entries).extracting(PlaylistEntry::title).containsExactly("http://s/a.ts", "rtmp://s/b");
        assertThat(entries).extracting(PlaylistEntry::url).containsExactly("http://s/a.ts", "rtmp://s/b");
        assertThat(entries.getFirst().attributes()).isEqualTo(Attributes.none());
        assertThat(entries.getFirst().duration()).isEqualTo(-1);
    }

    @Test
    void skipsAnExtinfNoUrlFollowsWithItsLine() throws IOException {
        ParsedPlaylist parsed = read("""
                #EXTM3U
                #EXTINF:-1,Lost
                #EXTVLCOPT:http-user-agent=lost
                #EXTINF:-1,Kept
                http://s/kept
                #EXTINF:-1,Last
                """);
        assertThat(parsed.playlist().entries()).extracting(PlaylistEntry::title).containsExactly("Kept");
        assertThat(parsed.playlist().entries().getFirst().vlcOptions()).isEqualTo(Attributes.none());
        assertThat(parsed.report().skipped()).containsExactly(
                new ImportNotice(2, "#EXTINF without a URL: another #EXTINF follows on line 4"),
                new ImportNotice(6, "#EXTINF without a URL at the end of the playlist"));
        assertThat(parsed.report().skippedCount()).isEqualTo(2);
        assertThat(parsed.report().summary()).isEqualTo("1 entries from 6 lines, 2 skipped, 0 warnings");
    }

    @Test
    void skipsAUrlLineWithNothingBeforeTheBar() throws IOException {
        ParsedPlaylist parsed = read("#EXTM3U\n#EXTINF:-1,X\n|user-agent=x\nhttp://s/y\n");
        assertThat(parsed.playlist().entries()).extracting(PlaylistEntry::title).containsExactly("http://s/y");
        assertThat(parsed.report().skipped()).containsExactly(new ImportNotice(3, "nothing before '|' on a URL line"));
    }

    @Test
    void readsUrlsLongerThanTwoThousandCharacters() throws IOException {
        String url = "http://s/live?token=" + "a".repeat(5000) + "&x=1";
        PlaylistEntry entry = entries("#EXTM3U\n#EXTINF:-1,Long\n" + url + "\n").getFirst();
        assertThat(entry.url()).isEqualTo(url).hasSize(5024);
    }

    @Test
    void readsNonAsciiNames() throws IOException {
        PlaylistEntry entry = entries("#EXTM3U\n#EXTINF:-1 tvg-name=\"Télé Ñoño 日本 🎬\",Первый канал ⓈⓎ\nhttp://s/1\n").getFirst();
        assertThat(entry.tvgName()).contains("Télé Ñoño 日本 🎬");
        assertThat(entry.title()).isEqualTo("Первый канал ⓈⓎ");
    }

    @Test
    void readsControlCharactersAsSpaces() throws IOException {
        PlaylistEntry entry = entries("#EXTINF:-1\ttvg-id=\"a\u0000b\"\u0007,Ti\u001Ftle\u0085\nhttp://s/1\n").getFirst();
        assertThat(entry.tvgId()).contains("a b");
        assertThat(entry.title()).isEqualTo("Ti tle");
    }

    @Test
    void warnsAboutUnreadableAttributesAndDurations() throws IOException {
        ParsedPlaylist parsed = read("#EXTM3U\n#EXTINF:abc radio \"x\" =y tvg-id=\"ok\"\nhttp://s/1\n");
        PlaylistEntry entry = parsed.playlist().entries().getFirst();
        assertThat(entry.duration()).isEqualTo(-1);
        assertThat(entry.attributes().list()).containsExactly(new Attribute("tvg-id", "ok"));
        assertThat(entry.title()).isEmpty();
        assertThat(entry.displayName()).isEqualTo("http://s/1");
        assertThat(parsed.report().warnings()).extracting(ImportNotice::message).containsExactly(
                "#EXTINF duration 'abc' is not a number; -1 (live) assumed",
                "attribute 'radio' has no value and is ignored",
                "quoted text without a name at column 19 ignored",
                "'=' without a name at column 23 ignored",
                "attribute 'y' has no value and is ignored",
                "#EXTINF has no comma before a title; the title is empty");
        assertThat(parsed.report().warnings()).extracting(ImportNotice::line).containsOnly(2L);
    }

    @Test
    void listsTheFirstNoticesAndCountsThemAll() throws IOException {
        var text = new StringBuilder("#EXTM3U\n");
        for (int i = 0; i < 500; i++) {
            text.append("#EXTINF:-1 a=\"1\" a=\"2\",T").append(i).append("\nhttp://s/").append(i).append('\n');
        }
        ImportReport report = new M3uParser(ParseOptions.DEFAULTS.withMaxNotices(10))
                .parse(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), entry -> { });
        assertThat(report.entries()).isEqualTo(500);
        assertThat(report.warningCount()).isEqualTo(500);
        assertThat(report.warnings()).hasSize(10);
        assertThat(report.warnings().get(9).line()).isEqualTo(20);
    }

    @Test
    void streamsEntriesToTheConsumerAsTheyAreRead() throws IOException {
        var seen = new ArrayList<String>();
        ImportReport report = new M3uParser().parse(new ByteArrayInputStream(
                "#EXTM3U\n#EXTINF:-1,A\nhttp://a\n#EXTINF:-1,B\nhttp://b\n".getBytes(StandardCharsets.UTF_8)),
                entry -> seen.add(entry.title()));
        assertThat(seen).containsExactly("A", "B");
        assertThat(report.entries()).isEqualTo(2);
    }

    /** A 10 MB line is refused after the limit: the parser reads little more than the limit, and names the line. */
    @Test
    void refusesALineLongerThanTheLimitWithoutReadingIt() {
        long tenMegabytes = 10_000_000;
        var in = new GeneratedInput("#EXTM3U\n#EXTINF:-1,Huge\n", tenMegabytes, (byte) 'a');
        int limit = 64 * 1024;
        assertThatThrownBy(() -> new M3uParser(ParseOptions.DEFAULTS.withMaxLineBytes(limit)).parse(in, entry -> { }))
                .isInstanceOf(M3uFormatException.class)
                .hasMessage("line 3 is longer than the limit of 65536 bytes; the playlist was not imported")
                .extracting(e -> ((M3uFormatException) e).line()).isEqualTo(3L);
        assertThat(in.served()).isLessThan(limit + 2 * 64 * 1024 + 100);
    }

    @Test
    void refusesATenMegabyteLineAtTheDefaultLimit() {
        var in = new GeneratedInput("#EXTM3U\n", 10_000_000, (byte) 'x');
        assertThatThrownBy(() -> new M3uParser().parse(in, entry -> { }))
                .isInstanceOf(M3uFormatException.class)
                .hasMessage("line 2 is longer than the limit of 1048576 bytes; the playlist was not imported");
        assertThat(in.served()).isLessThan(2_000_000);
    }

    @Test
    void acceptsALineExactlyAtTheLimit() throws IOException {
        String url = "http://s/" + "a".repeat(91);
        ParsedPlaylist parsed = new M3uParser(ParseOptions.DEFAULTS.withMaxLineBytes(100))
                .read(new ByteArrayInputStream(("#EXTM3U\r\n" + url + "\r\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.playlist().entries().getFirst().url()).isEqualTo(url);
    }

    @Test
    void refusesInvalidUtf8WithTheLineAndByte() {
        byte[] bytes = concat("#EXTM3U\n#EXTINF:-1,Caf".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xE9, '\n'}, "http://s/1\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> new M3uParser().read(new ByteArrayInputStream(bytes)))
                .isInstanceOf(M3uFormatException.class)
                .hasMessage("line 2 is not valid UTF-8: byte 15 of the line (0xE9) starts a malformed sequence; the playlist was not imported");
    }

    @Test
    void refusesOverlongAndSurrogateEncodings() {
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            byte[] bytes = concat("#EXTM3U\nhttp://s/".getBytes(StandardCharsets.US_ASCII), bad);
            assertThatThrownBy(() -> new M3uParser().read(new ByteArrayInputStream(bytes)))
                    .isInstanceOf(M3uFormatException.class)
                    .hasMessageStartingWith("line 2 is not valid UTF-8: byte 10 of the line");
        }
    }

    @Test
    void refusesUtf16() {
        byte[] bytes = "#EXTM3U\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes);
        assertThatThrownBy(() -> new M3uParser().read(new ByteArrayInputStream(withBom)))
                .isInstanceOf(M3uFormatException.class)
                .hasMessage("line 1 starts with a UTF-16 byte order mark (FF FE); playlists are read as UTF-8 only");
    }

    @Test
    void mergesALateOrRepeatedHeaderWithAWarning() throws IOException {
        ParsedPlaylist parsed = read("#EXTM3U a=\"1\"\n#EXTM3U a=\"2\" b=\"3\"\n");
        assertThat(parsed.playlist().header().attributes().list())
                .containsExactly(new Attribute("a", "1"), new Attribute("b", "3"));
        assertThat(parsed.report().warnings()).extracting(ImportNotice::message).containsExactly(
                "another #EXTM3U header; its attributes are added to the first one's",
                "header attribute 'a' is repeated; the first value is kept");
    }

    @Test
    void keepsTheFirstExtgrpAndIgnoresMalformedOptions() throws IOException {
        ParsedPlaylist parsed = read("#EXTM3U\n#EXTINF:-1,X\n#EXTGRP:One\n#EXTGRP:Two\n#EXTVLCOPT:novalue\n#KODIPROP:=x\nhttp://s/1|novalue&a=1&a=2\n");
        PlaylistEntry entry = parsed.playlist().entries().getFirst();
        assertThat(entry.group()).isEqualTo(Optional.of("One"));
        assertThat(entry.vlcOptions().isEmpty()).isTrue();
        assertThat(entry.kodiProperties().isEmpty()).isTrue();
        assertThat(entry.httpHeaders().list()).containsExactly(new Attribute("a", "1"));
        assertThat(parsed.report().warningCount()).isEqualTo(5);
    }

    @Test
    void keepsPercentSequencesThatAreNotUtf8OrHideControlCharacters() throws IOException {
        PlaylistEntry entry = entries("http://s/1|a=%FF%FE&b=x%0D%0AInjected:%20yes&c=100%\n").getFirst();
        assertThat(entry.httpHeaders().list()).containsExactly(
                new Attribute("a", "%FF%FE"), new Attribute("b", "x%0D%0AInjected:%20yes"), new Attribute("c", "100%"));
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A prefix then {@code count} copies of one byte, made as they are read; counts what was served. */
    private static final class GeneratedInput extends InputStream {
        private final byte[] prefix;
        private final long total;
        private final byte fill;
        private long served;

        GeneratedInput(String prefix, long count, byte fill) {
            this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
            this.total = this.prefix.length + count;
            this.fill = fill;
        }

        long served() {
            return served;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - served);
            for (int i = 0; i < n; i++) {
                long at = served + i;
                b[off + i] = at < prefix.length ? prefix[(int) at] : fill;
            }
            served += n;
            return n;
        }
    }

    @Test
    void numbersEachEntryByTheLineItStartsOn() throws java.io.IOException {
        String text = "#EXTM3U\n\n#EXTINF:-1,A\n#EXTVLCOPT:http-user-agent=x\nhttp://a.example/a.ts\nhttp://b.example/plain.ts\n"
                + "#EXTINF:-1,C\r\nhttp://c.example/c.ts\n";
        var lines = new java.util.ArrayList<String>();
        new M3uParser().parseNumbered(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                (entry, line) -> lines.add(line + " " + entry.displayName()));
        assertThat(lines).containsExactly("3 A", "6 http://b.example/plain.ts", "7 C");
    }
}
