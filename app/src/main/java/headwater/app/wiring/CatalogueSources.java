package headwater.app.wiring;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A catalogue channel's source URIs (the domain's vocabulary: plain {@code http}, {@code udp}, {@code rtmp} …) as
 * the headend's sources: {@code http(s)} URLs of a {@code .m3u8} playlist are followed as live HLS
 * ({@code hls+http(s)}, as M3U imports list them); {@code rtsp}, {@code rtmp(s)} and {@code srt} are read through
 * ffmpeg ({@code ffmpeg:rtmp://…}); everything else is passed as it is.
 */
final class CatalogueSources {

    private static final Set<String> THROUGH_FFMPEG = Set.of("rtsp", "rtmp", "rtmps", "srt");

    private CatalogueSources() {
    }

    static List<URI> forHeadend(List<URI> sources) {
        return sources.stream().map(CatalogueSources::forHeadend).toList();
    }

    static URI forHeadend(URI source) {
        String scheme = source.getScheme() == null ? "" : source.getScheme().toLowerCase(Locale.ROOT);
        if (THROUGH_FFMPEG.contains(scheme)) {
            return URI.create("ffmpeg:" + source);
        }
        String path = source.getRawPath() == null ? "" : source.getRawPath().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https")) && path.endsWith(".m3u8")) {
            return URI.create("hls+" + source);
        }
        return source;
    }
}
