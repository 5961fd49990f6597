package headwater.app.wiring;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A catalogue channel's source URIs (the domain's vocabulary: plain {@code http}, {@code udp}, {@code rtmp} …) as
 * the headend's sources: {@code http(s)} URLs of a {@code .m3u8} playlist are followed as live HLS
 * ({@code hls+http(s)}, as M3U imports list them), and so are URLs that end in the players' hint {@code #.m3u8}
 * ({@code https://host/play.php?id=1#.m3u8}: a playlist served by a script), without the hint; {@code rtsp},
 * {@code rtmp(s)} and {@code srt} are read through ffmpeg ({@code ffmpeg:rtmp://…}); everything else is passed as
 * it is.
 */
final class CatalogueSources {

    private static final Set<String> THROUGH_FFMPEG = Set.of("rtsp", "rtmp", "rtmps", "srt");
    /** The fragment players read as "this is HLS" when the path does not say so. */
    private static final String HLS_HINT = ".m3u8";

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
        boolean http = scheme.equals("http") || scheme.equals("https");
        if (http && HLS_HINT.equalsIgnoreCase(source.getRawFragment())) {
            String text = source.toString();
            return URI.create("hls+" + text.substring(0, text.length() - HLS_HINT.length() - 1));
        }
        if (http && path.endsWith(".m3u8")) {
            return URI.create("hls+" + source);
        }
        return source;
    }
}
