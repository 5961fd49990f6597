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
    void mediaRoutesNameTheirChannelScopeAndFormat() {
        Route.Media segment = (Route.Media) MediaPath.parse(S + "/live/ch10/7.ts");
        Route.Media stream = (Route.Media) MediaPath.parse(S + "/live/ch1.ts");

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
            "/s/" + T + "/Live/x/1.ts", "/s/" + T + "/vod/x/index.m3u8", "/S/" + T + "/live/x/1.ts",
            "//s/" + T + "/live/x/1.ts", "s/" + T + "/live/x/1.ts",
            "/live/x/1.ts", "/live/x/index.m3u8", "/live/x.ts", "/healthz/", "/Healthz"})
    void otherPathsAreNotFound(String path) {
        assertThat(MediaPath.parse(path)).isInstanceOf(Route.NotFound.class);
    }
}
