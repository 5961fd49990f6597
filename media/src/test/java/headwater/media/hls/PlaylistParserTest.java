package headwater.media.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PlaylistParserTest {
    private static final URI BASE = URI.create("https://cdn.example/live/news/index.m3u8");
    private final PlaylistParser parser = new PlaylistParser();

    private MediaPlaylist media(String text) throws PlaylistParseException {
        return parser.parseMedia(text.getBytes(StandardCharsets.UTF_8), BASE);
    }

    private PlaylistParseException failure(String text) {
        try {
            parser.parse(text.getBytes(StandardCharsets.UTF_8), BASE);
        } catch (PlaylistParseException e) {
            return e;
        }
        throw new AssertionError("parsed without an error:\n" + text);
    }

    @Test
    void readsWhatRealServersSend() throws Exception {
        String text = "\uFEFF#EXTM3U\r\n"
                + "#EXT-X-VERSION:3\r\n"
                + "\r\n"
                + "#EXT-X-TARGETDURATION:6\r\n"
                + "#EXT-X-MEDIA-SEQUENCE:2680\r\n"
                + "#EXT-X-DISCONTINUITY-SEQUENCE:12\r\n"
                + "# a comment\r\n"
                + "#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES\r\n"
                + "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T07:00:00.000+0200\r\n"
                + "#EXTINF:5.005,\r\n"
                + "seg2680.ts\r\n"
                + "#EXTINF:5.005\r\n"
                + "../archive/seg2681.ts?token=a,b\r\n"
                + "#EXT-X-DISCONTINUITY\r\n"
                + "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T05:00:10.010+00:00\r\n"
                + "#EXTINF:4,Title, with a comma\r\n"
                + "  /abs/seg2682.ts  \r\n"
                + "#EXTINF:6.006000000001,\r\n"
                + "https://other.example/seg2683.ts\r\n";

        MediaPlaylist p = media(text);

        assertThat(p.targetDuration()).isEqualTo(Duration.ofSeconds(6));
        assertThat(p.mediaSequence()).isEqualTo(2680);
        assertThat(p.discontinuitySequence()).isEqualTo(12);
        assertThat(p.endList()).isFalse();
        assertThat(p.segments()).extracting(PlaylistSegment::uri).containsExactly(
                "https://cdn.example/live/news/seg2680.ts",
                "https://cdn.example/live/archive/seg2681.ts?token=a,b",
                "https://cdn.example/abs/seg2682.ts",
                "https://other.example/seg2683.ts");
        assertThat(p.segments()).extracting(PlaylistSegment::duration).containsExactly(Duration.ofMillis(5005),
                Duration.ofMillis(5005), Duration.ofSeconds(4), Duration.ofMillis(6006));
        assertThat(p.segments()).extracting(PlaylistSegment::title).containsExactly("", "", "Title, with a comma", "");
        assertThat(p.segments()).extracting(PlaylistSegment::discontinuity).containsExactly(false, false, true, false);
        assertThat(p.segments()).extracting(PlaylistSegment::programDateTime).containsExactly(
                Instant.parse("2026-11-21T05:00:00Z"), null, Instant.parse("2026-11-21T05:00:10.010Z"), null);
    }

    @Test
    void readsAMultivariantPlaylistWithCommasInsideQuotes() throws Exception {
        String text = "#EXTM3U\n"
                + "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"English, stereo\",URI=\"audio/en.m3u8\"\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=2176000, AVERAGE-BANDWIDTH=2000000,CODECS=\"avc1.4d401f,mp4a.40.2\","
                + "RESOLUTION=960x540,FRAME-RATE=29.970,AUDIO=\"aud\",CLOSED-CAPTIONS=NONE\n"
                + "540p/index.m3u8\n"
                + "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=100000,URI=\"iframes.m3u8\"\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=64000\n"
                + "https://radio.example/a.m3u8\n";

        MultivariantPlaylist p = parser.parseMultivariant(text.getBytes(StandardCharsets.UTF_8), BASE);

        assertThat(p.variants()).containsExactly(
                new VariantStream("https://cdn.example/live/news/540p/index.m3u8", 2_176_000, 2_000_000,
                        "avc1.4d401f,mp4a.40.2", new Resolution(960, 540), 29.97),
                new VariantStream("https://radio.example/a.m3u8", 64_000, 0, "", null, 0));
    }

    @Test
    void readsKeysByteRangesAndMaps() throws Exception {
        MediaPlaylist p = media("#EXTM3U\n#EXT-X-TARGETDURATION:10\n"
                + "#EXT-X-KEY:METHOD=AES-128,URI=\"keys/k1?x=1,2\",IV=0X0a0B\n"
                + "#EXT-X-MAP:URI=\"init.mp4\"\n"
                + "#EXTINF:10,\n#EXT-X-BYTERANGE:1000@500\nall.ts\n"
                + "#EXTINF:10,\n#EXT-X-BYTERANGE:2000\nall.ts\n"
                + "#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"skd://key\",KEYFORMAT=\"com.apple.streamingkeydelivery\","
                + "KEYFORMATVERSIONS=\"1\"\n"
                + "#EXTINF:10,\nother.ts\n"
                + "#EXT-X-KEY:METHOD=NONE\n"
                + "#EXTINF:10,\nplain.ts\n#EXT-X-ENDLIST\n");

        PlaylistSegment first = p.segments().get(0);
        assertThat(first.key()).isEqualTo(new SegmentKey(KeyMethod.AES_128,
                "https://cdn.example/live/news/keys/k1?x=1,2", HexFormat.of().parseHex("00000000000000000000000000000a0b")));
        assertThat(first.map()).isEqualTo(new MediaInitializationSection("https://cdn.example/live/news/init.mp4", null));
        assertThat(first.byteRange()).isEqualTo(new ByteRange(1000, 500));
        assertThat(p.segments().get(1).byteRange()).as("the offset follows the previous range")
                .isEqualTo(new ByteRange(2000, 1500));
        assertThat(p.segments().get(2).key().method()).isEqualTo(KeyMethod.SAMPLE_AES);
        assertThat(p.segments().get(2).key().keyFormat()).isEqualTo("com.apple.streamingkeydelivery");
        assertThat(p.segments().get(2).key().iv()).isNull();
        assertThat(p.segments().get(3).key()).isNull();
        assertThat(p.endList()).isTrue();
    }

    @Test
    void keepsUrisAsWrittenWithoutABase() throws Exception {
        MediaPlaylist p = parser.parseMedia("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\nsub dir/a b.ts\n"
                .getBytes(StandardCharsets.UTF_8), null);

        assertThat(p.segments().get(0).uri()).isEqualTo("sub dir/a b.ts");
    }

    @Test
    void namesTheLineAndTheProblem() {
        String text = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.000,\na.ts\n\n#EXTINF:abc,\nb.ts\n";

        PlaylistParseException e = failure(text);

        assertThat(e).hasMessage("line 7: #EXTINF duration 'abc' is not a number");
        assertThat(e.line()).isEqualTo(7);
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThat(failure("<html>hello</html>")).hasMessage("line 1: expected #EXTM3U, found '<html>hello</html>'");
        assertThat(failure("")).hasMessage("line 1: expected #EXTM3U, found ''");
        assertThat(failure("#EXTM3U\n#EXTINF:4,\na.ts\n")).hasMessage("media playlist has no #EXT-X-TARGETDURATION");
        assertThat(failure("#EXTM3U\n#EXT-X-TARGETDURATION:4\na.ts\n"))
                .hasMessage("line 3: URI 'a.ts' has no #EXTINF or #EXT-X-STREAM-INF before it");
        assertThat(failure("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\n"))
                .hasMessage("line 3: #EXTINF has no URI after it");
        assertThat(failure("#EXTM3U\n#EXT-X-TARGETDURATION:four\n"))
                .hasMessage("line 2: #EXT-X-TARGETDURATION 'four' is not a number");
        assertThat(failure("#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:-1\n"))
                .hasMessage("line 2: #EXT-X-MEDIA-SEQUENCE '-1' is not a number");
        assertThat(failure("#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:99999999999999999999\n"))
                .hasMessage("line 2: #EXT-X-MEDIA-SEQUENCE '99999999999999999999' is out of range");
        assertThat(failure("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,CODECS=\"avc1\n"))
                .hasMessage("line 2: #EXT-X-STREAM-INF attribute CODECS has an unterminated quoted string");
        assertThat(failure("#EXTM3U\n#EXT-X-STREAM-INF:CODECS=\"avc1\"\na.m3u8\n"))
                .hasMessage("line 2: #EXT-X-STREAM-INF has no BANDWIDTH");
        assertThat(failure("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=wide\na.m3u8\n"))
                .hasMessage("line 2: #EXT-X-STREAM-INF RESOLUTION 'wide' is not <width>x<height>");
        assertThat(failure("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-KEY:METHOD=ROT13,URI=\"k\"\n"))
                .hasMessage("line 3: #EXT-X-KEY METHOD 'ROT13' is not one of NONE, AES-128, SAMPLE-AES, SAMPLE-AES-CTR");
        assertThat(failure("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-KEY:METHOD=AES-128\n"))
                .hasMessage("line 3: #EXT-X-KEY METHOD=AES-128 has no URI");
        assertThat(failure("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-KEY:METHOD=AES-128,URI=\"k\",IV=0x\n"))
                .hasMessage("line 3: #EXT-X-KEY IV '0x' is not a 128-bit hexadecimal-sequence");
        assertThat(failure("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-BYTERANGE:100\n#EXTINF:4,\na.ts\n"))
                .hasMessage("line 3: #EXT-X-BYTERANGE has no offset and does not follow a sub-range of the same "
                        + "resource");
        assertThat(failure("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-PROGRAM-DATE-TIME:yesterday\n"))
                .hasMessage("line 3: #EXT-X-PROGRAM-DATE-TIME 'yesterday' is not an ISO 8601 date-time");
        assertThat(failure("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\na b|c.ts\n"))
                .hasMessage("line 4: segment URI 'a b|c.ts' is not a valid URI");
        assertThat(failure("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\na.ts\n#EXT-X-STREAM-INF:BANDWIDTH=1\nb\n"))
                .hasMessage("playlist mixes media segments (line 3) and variant streams (line 5)");
        assertThat(failure("#EXTM3U\n#EXT-X-PLAYLIST-TYPE:LIVE\n"))
                .hasMessage("line 2: #EXT-X-PLAYLIST-TYPE 'LIVE' is neither VOD nor EVENT");
        assertThat(failure("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,CODECS=a\"b\nx\n"))
                .hasMessage("line 2: #EXT-X-STREAM-INF attribute CODECS has a stray quote");
    }

    @Test
    void refusesAPlaylistOverTheSizeLimit() {
        PlaylistParser small = new PlaylistParser(64);
        byte[] big = ("#EXTM3U\n#EXT-X-TARGETDURATION:4\n" + "#EXTINF:4,\na.ts\n".repeat(10))
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> small.parse(big, BASE)).isInstanceOf(PlaylistParseException.class)
                .hasMessage("playlist is 192 bytes, more than the limit of 64");
    }

    @Test
    void tellsTheCallerWhichKindItGot() {
        byte[] multivariant = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\na.m3u8\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parseMedia(multivariant, BASE))
                .hasMessage("expected a media playlist, got a multivariant playlist");
    }

    @Test
    void readsAnFmp4SourcesMapSoTheCallerCanRefuseIt() throws Exception {
        MediaPlaylist p = media("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:4\n"
                + "#EXT-X-MAP:URI=\"init.mp4\",BYTERANGE=\"616\"\n#EXTINF:4.0,\nseg1.m4s\n");

        assertThat(p.segments().get(0).map())
                .isEqualTo(new MediaInitializationSection("https://cdn.example/live/news/init.mp4", new ByteRange(616, 0)));
    }
}
