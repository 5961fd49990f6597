package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaPathTest {

    private static final String T = "0123456789abcdef0123456789abcdef-6a1b2c3d-1-00112233445566778899aabbccddeeff";
    private static final String S = "/s/" + T;

    @Test
    void parsesEveryRoute() {
        assertThat(MediaPath.parse(S + "/live/news-hd/index.m3u8"))
                .isEqualTo(new Route.MultivariantPlaylist(T, "live/news-hd"));
        assertThat(MediaPath.parse(S + "/live/news-hd/media.m3u8")).isEqualTo(new Route.MediaPlaylist(T, "live/news-hd"));
        assertThat(MediaPath.parse(S + "/live/news-hd/1234.ts")).isEqualTo(new Route.Segment(T, "live/news-hd", 1234));
        assertThat(MediaPath.parse(S + "/live/news-hd/0.ts")).isEqualTo(new Route.Segment(T, "live/news-hd", 0));
        assertThat(MediaPath.parse(S + "/live/news-hd.ts")).isEqualTo(new Route.Stream(T, "live/news-hd"));
        assertThat(MediaPath.parse(S + "/live/a_b-9/9223372036854775807.ts"))
                .isEqualTo(new Route.Segment(T, "live/a_b-9", Long.MAX_VALUE));
        assertThat(MediaPath.parse("/healthz")).isInstanceOf(Route.Health.class);
        assertThat(MediaPath.parse("/metrics")).isInstanceOf(Route.Metrics.class);
    }

    @Test
    void parsesKeyRoutesInsideTheChannelsScope() {
        assertThat(MediaPath.parse(S + "/live/news-hd/key/0a1b2c3d4e5f6071.key"))
                .isEqualTo(new Route.Key(T, "live/news-hd", "0a1b2c3d4e5f6071"));
        assertThat(MediaPath.parse(S + "/archive/news-hd/1763733600-3600/key/ff.key"))
                .isEqualTo(new Route.ArchiveKey(T, "archive/news-hd/1763733600-3600", "news-hd", 1763733600L, 3600,
                        "ff"));
        assertThat(((Route.Media) MediaPath.parse(S + "/live/ch1/key/ab.key")).scope()).isEqualTo("live/ch1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/live/x/key/.key", "/live/x/key/AB.key", "/live/x/key/ab", "/live/x/key/ab.key/",
            "/live/x/key/../ab.key", "/live/x/key/%2e%2e.key", "/live/x/key/ab%2f.key", "/live/x/key/a/b.key",
            "/live/x/key/g.key", "/archive/x/1-60/key/..%252f.key"})
    void rejectsBadKeyPaths(String path) {
        assertThat(MediaPath.parse(S + path)).isInstanceOf(Route.Malformed.class);
        assertThat(MediaPath.parse(S + "/live/x/key/" + "a".repeat(65) + ".key")).isInstanceOf(Route.Malformed.class);
    }

    @Test
    void mediaRoutesNameTheirChannelScopeAndFormat() {
        Route.Live segment = (Route.Live) MediaPath.parse(S + "/live/ch10/7.ts");
        Route.Live stream = (Route.Live) MediaPath.parse(S + "/live/ch1.ts");

        assertThat(segment.channel()).isEqualTo("ch10");
        assertThat(segment.scope()).isEqualTo("live/ch10");
        assertThat(segment.token()).isEqualTo(T);
        assertThat(segment.format()).isEqualTo(StreamFormat.HLS);
        assertThat(stream.scope()).isEqualTo("live/ch1");
        assertThat(stream.format()).isEqualTo(StreamFormat.TS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/s//live/x/1.ts", "/s/ABCDEF/live/x/1.ts", "/s/xyz/live/x/1.ts", "/s/../live/x/1.ts",
            "/s/%2e%2e/live/x/1.ts", "/s/..%252f/live/x/1.ts", "/s/ab%2fcd/live/x/1.ts", "/s/ab cd/live/x/1.ts",
            "/s/ab.cd/live/x/index.m3u8", "/s/ab_cd/live/x.ts", "/s/é/live/x/1.ts", "/s/0x12/live/x/1.ts",
            "/s/deadbeef%00/live/x/1.ts", "/s/dead+beef/live/x/1.ts", "/s/../x", "/s/ZZ/anything/else"})
    void refusesBadTokensWhateverFollows(String path) {
        assertThat(MediaPath.parse(path)).isInstanceOf(Route.Refused.class);
    }

    @Test
    void tokensAreAtMost128Characters() {
        assertThat(MediaPath.parse("/s/" + "a".repeat(128) + "/live/x/0.ts")).isInstanceOf(Route.Segment.class);
        assertThat(MediaPath.parse("/s/" + "a".repeat(129) + "/live/x/0.ts")).isInstanceOf(Route.Refused.class);
        assertThat(MediaPath.parse("/s/" + "-".repeat(3) + "/live/x/0.ts")).isInstanceOf(Route.Segment.class);
        assertThat(MediaPath.isToken(T)).isTrue();
        assertThat(MediaPath.isToken("")).isFalse();
        assertThat(MediaPath.isToken(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/live/..", "/live/../x.ts", "/live/%2e%2e/1.ts", "/live/.hidden/1.ts", "/live/-x/1.ts",
            "/live/_x/1.ts", "/live/Upper/1.ts", "/live/a%2fb/1.ts", "/live/a b/1.ts", "/live/é/1.ts",
            "/live//1.ts", "/live/.ts", "/live/x.y.ts", "/live/x%2f..%2f/1.ts"})
    void rejectsBadChannelIds(String path) {
        assertThat(MediaPath.parse(S + path)).isInstanceOf(Route.Malformed.class);
    }

    @Test
    void channelIdsAreAtMost64Characters() {
        assertThat(MediaPath.parse(S + "/live/" + "a".repeat(64) + "/0.ts")).isInstanceOf(Route.Segment.class);
        assertThat(MediaPath.parse(S + "/live/" + "a".repeat(65) + "/0.ts")).isInstanceOf(Route.Malformed.class);
        assertThat(MediaPath.isChannelId("news-hd")).isTrue();
        assertThat(MediaPath.isChannelId("")).isFalse();
        assertThat(MediaPath.isChannelId(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/live/x/-1.ts", "/live/x/01.ts", "/live/x/ 1.ts", "/live/x/1 .ts", "/live/x/0x10.ts",
            "/live/x/9223372036854775808.ts", "/live/x/18446744073709551616.ts", "/live/x/12345678901234567890.ts",
            "/live/x/%31.ts", "/live/x/..%2f1.ts", "/live/x/..%252f1.ts", "/live/x/.ts", "/live/x/١.ts"})
    void rejectsBadSequences(String path) {
        assertThat(MediaPath.parse(S + path)).isInstanceOf(Route.Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/s", "/s/", "/s/" + T, "/s/" + T + "/", "/s/" + T + "/live", "/s/" + T + "/live/",
            "/s/" + T + "/live/x", "/s/" + T + "/live/x/", "/s/" + T + "/live/x/y/1.ts",
            "/s/" + T + "/live/x/index.m3u8/", "/s/" + T + "/live/x/INDEX.M3U8", "/s/" + T + "/live/x/1.TS",
            "/s/" + T + "/..", "/s/" + T + "/../live/x/1.ts", "/s/" + T + "/%2e%2e/live/x/1.ts",
            "/s/" + T + "/Live/x/1.ts", "/s/" + T + "/vod/x/index.m3u8",
            "/s/" + T + "/archive/", "/s/" + T + "/archive/x", "/s/" + T + "/archive/x/",
            "/s/" + T + "/archive/x/1-60", "/s/" + T + "/archive/x/1-60/", "/s/" + T + "/archive/x/1-60/media.m3u8",
            "/s/" + T + "/archive/x/1-60/a/1.ts", "/s/" + T + "/archive/x/1-60/index.m3u8/",
            "/s/" + T + "/movie/", "/s/" + T + "/episode/", "/s/" + T + "/movie/abc", "/s/" + T + "/Movie/abc.mp4",
            "/s/" + T + "/series/abc.mp4", "/S/" + T + "/live/x/1.ts",
            "//s/" + T + "/live/x/1.ts", "s/" + T + "/live/x/1.ts",
            "/live/x/1.ts", "/live/x/index.m3u8", "/live/x.ts", "/healthz/", "/Healthz"})
    void otherPathsAreNotFound(String path) {
        assertThat(MediaPath.parse(path)).isInstanceOf(Route.NotFound.class);
    }

    @Test
    void parsesArchiveWindows() {
        assertThat(MediaPath.parse(S + "/archive/news-hd/1763733600-3600/index.m3u8")).isEqualTo(
                new Route.ArchivePlaylist(T, "archive/news-hd/1763733600-3600", "news-hd", 1763733600L, 3600));
        assertThat(MediaPath.parse(S + "/archive/news-hd/1763733600-3600/1234.ts")).isEqualTo(
                new Route.ArchiveSegment(T, "archive/news-hd/1763733600-3600", "news-hd", 1763733600L, 3600, 1234));
        assertThat(MediaPath.parse(S + "/archive/news-hd/0-86400.ts")).isEqualTo(
                new Route.ArchiveStream(T, "archive/news-hd/0-86400", "news-hd", 0, 86400));
        Route.Archive window = (Route.Archive) MediaPath.parse(S + "/archive/a/100-20.ts");
        assertThat(window.from()).isEqualTo(java.time.Instant.ofEpochSecond(100));
        assertThat(window.to()).isEqualTo(java.time.Instant.ofEpochSecond(120));
        assertThat(window.format()).isEqualTo(StreamFormat.TS);
        assertThat(((Route.Media) MediaPath.parse(S + "/archive/a/100-20/index.m3u8")).format())
                .isEqualTo(StreamFormat.HLS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/archive/x/1-0.ts", "/archive/x/1-86401.ts", "/archive/x/01-60.ts", "/archive/x/1-060.ts",
            "/archive/x/-60.ts", "/archive/x/1-.ts", "/archive/x/1.ts", "/archive/x/1--60.ts", "/archive/x/a-60.ts",
            "/archive/x/1-60/index.m3u8x", "/archive/x/%31-60.ts", "/archive/x/1-60%2f..%2f/1.ts",
            "/archive/x/99999999999999999999-60.ts", "/archive/x/1+60.ts", "/archive/x/1-60.5.ts",
            "/archive/x/1-60/01.ts", "/archive/x/1-60/-1.ts", "/archive/X/1-60.ts", "/archive/../1-60.ts",
            "/archive/x.y/1-60.ts", "/archive/x/../1-60.ts", "/archive/x/1-60/..", "/archive/x/1-60/..%2f1.ts"})
    void rejectsBadArchivePaths(String path) {
        Route route = MediaPath.parse(S + path);
        assertThat(route).isInstanceOfAny(Route.Malformed.class, Route.NotFound.class);
        assertThat(route).isNotInstanceOf(Route.Media.class);
    }

    @Test
    void aWindowIsAtMostOneDayAndNeverEmpty() {
        assertThat(MediaPath.parse(S + "/archive/x/5-86400.ts")).isInstanceOf(Route.ArchiveStream.class);
        assertThat(MediaPath.parse(S + "/archive/x/5-86401.ts")).isInstanceOf(Route.Malformed.class);
        assertThat(MediaPath.parse(S + "/archive/x/5-0/index.m3u8")).isInstanceOf(Route.Malformed.class);
        assertThat(MediaPath.parse(S + "/archive/x/9223372036854775807-1.ts")).as("start + seconds overflows")
                .isInstanceOf(Route.Malformed.class);
    }

    @Test
    void parsesFilmsAndEpisodesSplittingTheExtensionAtTheLastDot() {
        assertThat(MediaPath.parse(S + "/movie/big-buck.bunny_2008.mkv"))
                .isEqualTo(new Route.Vod(T, "movie/big-buck.bunny_2008", "mkv"));
        assertThat(MediaPath.parse(S + "/episode/S01E02.mp4")).isEqualTo(new Route.Vod(T, "episode/S01E02", "mp4"));
        assertThat(MediaPath.parse(S + "/movie/a.b.c.TS")).isEqualTo(new Route.Vod(T, "movie/a.b.c", "TS"));
        assertThat(MediaPath.parse(S + "/movie/" + "a".repeat(64) + ".mp4")).isInstanceOf(Route.Vod.class);
        assertThat(((Route.Media) MediaPath.parse(S + "/movie/x.mp4")).format()).isEqualTo(StreamFormat.FILE);
        assertThat(MediaPath.isVodId("Big.Buck-1_x")).isTrue();
        assertThat(MediaPath.isVodId(".x")).isFalse();
        assertThat(MediaPath.isVodId(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/movie/.mp4", "/movie/..mp4", "/movie/x.", "/movie/x.mp4/", "/movie/a/b.mp4",
            "/movie/../x.mp4", "/movie/%2e%2e.mp4", "/movie/x%2f..%2fy.mp4", "/movie/x y.mp4", "/movie/x.mp4%00",
            "/movie/-x.mp4", "/movie/_x.mp4", "/movie/x.toolongext", "/movie/x.m-4", "/movie/é.mp4",
            "/episode/.hidden.mkv", "/episode/a/../b.mkv", "/episode/x..", "/movie/x.mp4?"})
    void rejectsBadVodPaths(String path) {
        assertThat(MediaPath.parse(S + path)).isInstanceOf(Route.Malformed.class);
    }

    @Test
    void vodIdsAreAtMost64Characters() {
        assertThat(MediaPath.parse(S + "/movie/" + "a".repeat(65) + ".mp4")).isInstanceOf(Route.Malformed.class);
    }
}
