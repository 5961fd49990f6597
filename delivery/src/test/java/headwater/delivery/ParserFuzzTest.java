package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for the parsers of outside input: request paths, {@code Range} headers and queries. Without
 * {@code JAZZER_FUZZ=1} they replay their seed corpus (resources next to this class) as regression tests.
 */
class ParserFuzzTest {

    @FuzzTest
    void mediaPath(FuzzedDataProvider data) {
        String path = data.consumeRemainingAsString();
        Route route = MediaPath.parse(path);
        assertThat(route).isNotNull();
        if (route instanceof Route.Media media) {
            assertThat(MediaPath.isChannelId(media.channel())).isTrue();
            assertThat(media.channel()).doesNotContain("..", "%", "/");
        }
        if (route instanceof Route.Segment segment) {
            assertThat(segment.mediaSequence()).isNotNegative();
            assertThat(path).isEqualTo("/live/" + segment.channel() + "/" + segment.mediaSequence() + ".ts");
        }
    }

    @FuzzTest
    void byteRange(FuzzedDataProvider data) {
        long size = data.consumeLong(0, Long.MAX_VALUE / 2);
        String header = data.consumeRemainingAsString();
        ByteRange range = ByteRange.of(header, size);
        if (range instanceof ByteRange.Partial partial) {
            assertThat(partial.first()).isBetween(0L, size - 1);
            assertThat(partial.last()).isBetween(partial.first(), size - 1);
        }
    }

    @FuzzTest
    void queryMask(FuzzedDataProvider data) {
        String secret = "S3cretValue";
        String prefix = data.consumeString(200);
        String query = prefix + (prefix.isEmpty() ? "" : "&") + "token=" + secret + "&" + data.consumeRemainingAsString();
        String masked = QueryMask.mask(query);
        assertThat(masked).doesNotContain("token=S").doesNotContain("\n").doesNotContain("\r");
    }
}
