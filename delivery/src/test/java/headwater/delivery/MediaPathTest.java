package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaPathTest {

    @Test
    void parsesEveryRoute() {
        assertThat(MediaPath.parse("/live/news-hd/index.m3u8")).isEqualTo(new Route.MultivariantPlaylist("news-hd"));
        assertThat(MediaPath.parse("/live/news-hd/media.m3u8")).isEqualTo(new Route.MediaPlaylist("news-hd"));
        assertThat(MediaPath.parse("/live/news-hd/1234.ts")).isEqualTo(new Route.Segment("news-hd", 1234));
        assertThat(MediaPath.parse("/live/news-hd/0.ts")).isEqualTo(new Route.Segment("news-hd", 0));
        assertThat(MediaPath.parse("/live/news-hd.ts")).isEqualTo(new Route.Stream("news-hd"));
        assertThat(MediaPath.parse("/live/a_b-9/9223372036854775807.ts"))
                .isEqualTo(new Route.Segment("a_b-9", Long.MAX_VALUE));
        assertThat(MediaPath.parse("/healthz")).isInstanceOf(Route.Health.class);
        assertThat(MediaPath.parse("/metrics")).isInstanceOf(Route.Metrics.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/live/..", "/live/../x.ts", "/live/%2e%2e/1.ts", "/live/.hidden/1.ts", "/live/-x/1.ts",
            "/live/_x/1.ts", "/live/Upper/1.ts", "/live/a%2fb/1.ts", "/live/a b/1.ts", "/live/é/1.ts",
            "/live//1.ts", "/live/.ts", "/live/x.y.ts"})
    void rejectsBadChannelIds(String path) {
        assertThat(MediaPath.parse(path)).isInstanceOf(Route.Malformed.class);
    }

    @Test
    void channelIdsAreAtMost64Characters() {
        assertThat(MediaPath.parse("/live/" + "a".repeat(64) + "/0.ts")).isInstanceOf(Route.Segment.class);
        assertThat(MediaPath.parse("/live/" + "a".repeat(65) + "/0.ts")).isInstanceOf(Route.Malformed.class);
        assertThat(MediaPath.isChannelId("news-hd")).isTrue();
        assertThat(MediaPath.isChannelId("")).isFalse();
        assertThat(MediaPath.isChannelId(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/live/x/-1.ts", "/live/x/01.ts", "/live/x/ 1.ts", "/live/x/1 .ts", "/live/x/0x10.ts",
            "/live/x/9223372036854775808.ts", "/live/x/18446744073709551616.ts", "/live/x/12345678901234567890.ts",
            "/live/x/%31.ts", "/live/x/..%2f1.ts", "/live/x/.ts", "/live/x/١.ts"})
    void rejectsBadSequences(String path) {
        assertThat(MediaPath.parse(path)).isInstanceOf(Route.Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/live", "/live/", "/live/x", "/live/x/", "/live/x/y/1.ts", "/live/x/index.m3u8/",
            "/live/x/INDEX.M3U8", "/live/x/1.TS", "/healthz/", "/Healthz", "live/x/1.ts", "//live/x/1.ts"})
    void otherPathsAreNotFound(String path) {
        assertThat(MediaPath.parse(path)).isInstanceOf(Route.NotFound.class);
    }
}
