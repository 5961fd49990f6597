package headwater.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalogue's source URIs as the headend reads them. */
class CatalogueSourcesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "udp://239.1.1.1:5000,                              udp://239.1.1.1:5000",
        "rtp://239.1.1.1:5000,                              rtp://239.1.1.1:5000",
        "http://origin.example/news.ts,                     http://origin.example/news.ts",
        "https://origin.example/live/news.m3u8,             hls+https://origin.example/live/news.m3u8",
        "http://origin.example/LIVE/NEWS.M3U8?token=a,      hls+http://origin.example/LIVE/NEWS.M3U8?token=a",
        "http://origin.example/playlist.m3u8/segment.ts,    http://origin.example/playlist.m3u8/segment.ts",
        "https://origin.example/pxx.php?cid=bs02#.m3u8,     hls+https://origin.example/pxx.php?cid=bs02",
        "https://origin.example/live.m3u8#user-agent=A,     hls+https://origin.example/live.m3u8#user-agent=A",
        "rtmp://origin.example/app/key,                     ffmpeg:rtmp://origin.example/app/key",
        "rtmps://origin.example/app/key,                    ffmpeg:rtmps://origin.example/app/key",
        "rtsp://camera.example:554/stream,                  ffmpeg:rtsp://camera.example:554/stream",
        "srt://origin.example:9000?mode=caller,             ffmpeg:srt://origin.example:9000?mode=caller",
    })
    void maps_each_scheme_to_the_headend_source_that_reads_it(String catalogue, String headend) {
        assertThat(CatalogueSources.forHeadend(URI.create(catalogue))).isEqualTo(URI.create(headend));
    }
}
