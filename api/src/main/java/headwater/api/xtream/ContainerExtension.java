package headwater.api.xtream;

import headwater.domain.vod.MediaInfo;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The extension a film or episode is offered under ({@code container_extension}, the {@code .ext} of
 * {@code /movie/u/p/N.ext}): the source file's own extension, else the one of the container ffprobe found, else
 * {@code mp4}. One rule for the playlist and the player API, so a player sees the same URL in both.
 */
public final class ContainerExtension {

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,5}");

    private ContainerExtension() {
    }

    /**
     * @param source where the file is ({@code file:} or http(s)), may be null
     * @param info   what ffprobe read, may be null
     */
    public static String of(URI source, MediaInfo info) {
        String path = source == null ? null : source.getPath();
        if (path != null) {
            int slash = path.lastIndexOf('/');
            int dot = path.lastIndexOf('.');
            if (dot > slash && dot < path.length() - 1) {
                String extension = path.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (EXTENSION.matcher(extension).matches()) {
                    return extension;
                }
            }
        }
        String container = info == null ? null : info.container();
        if (container != null) {
            if (container.startsWith("matroska")) {
                return "mkv";
            }
            if (container.startsWith("mov,mp4")) {
                return "mp4";
            }
            if (container.equals("mpegts")) {
                return "ts";
            }
            if (container.equals("avi")) {
                return "avi";
            }
        }
        return "mp4";
    }
}
