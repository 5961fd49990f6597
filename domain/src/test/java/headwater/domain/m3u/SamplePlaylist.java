package headwater.domain.m3u;

import headwater.testkit.Samples;
import java.nio.file.Path;

/** {@code shared/samples/m3u/free-tv-iptv.m3u8}, found by {@link Samples}. */
final class SamplePlaylist {

    private SamplePlaylist() {
    }

    static Path freeTvIptv() {
        return Samples.freeTvPlaylist();
    }
}
