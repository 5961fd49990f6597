package headwater.api;

import headwater.domain.vod.MediaInfo;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The extension a film's or episode's media URL ends with ({@code /s/{token}/movie/{id}.{ext}}): players pick their
 * demuxer by it, the server serves the same file whatever it is. The source's own extension when it has a plausible
 * one, else one for the probed container, else {@code mp4}.
 */
final class FileExtension {

    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9]{1,8}");

    private FileExtension() {
    }

    static String of(URI source, MediaInfo info) {
        String path = source == null ? null : source.getPath();
        if (path != null) {
            int slash = path.lastIndexOf('/');
            int dot = path.lastIndexOf('.');
            if (dot > slash + 1 && PLAUSIBLE.matcher(path.substring(dot + 1)).matches()) {
                return path.substring(dot + 1).toLowerCase(Locale.ROOT);
            }
        }
        String container = info == null || info.container() == null ? "" : info.container();
        if (container.startsWith("matroska")) {
            return "mkv";
        }
        if (container.equals("mpegts")) {
            return "ts";
        }
        if (container.equals("avi")) {
            return "avi";
        }
        return "mp4";
    }
}
