package headwater.domain.vod;

import java.net.URI;

/**
 * A source could not be probed: "cannot probe file:///srv/notes.txt: it is not a media file (ffprobe: Invalid data
 * found when processing input)". The {@link Reason} lets a caller tell the operator's mistakes from the machine's.
 */
public final class MediaProbeException extends RuntimeException {

    /** Why a probe failed. */
    public enum Reason {
        /** The file does not exist or the URL answered 404. */
        NOT_FOUND,
        /** The file exists but cannot be read, or the URL refused access. */
        NOT_READABLE,
        /** The bytes are not a media format ffprobe knows. */
        NOT_MEDIA,
        /** The prober did not answer within its time limit. */
        TIMEOUT,
        /** The source's scheme or form is not one the prober accepts. */
        UNSUPPORTED_SOURCE,
        /** The prober itself failed (cannot run, printed output that does not parse). */
        PROBER_FAILED
    }

    private final URI source;
    private final Reason reason;

    public MediaProbeException(URI source, Reason reason, String detail) {
        this(source, reason, detail, null);
    }

    public MediaProbeException(URI source, Reason reason, String detail, Throwable cause) {
        super("cannot probe " + shown(source) + ": " + detail, cause);
        this.source = source;
        this.reason = reason;
    }

    /**
     * The source as messages show it: without user info or query, which in IPTV URLs routinely carry credentials
     * and tokens ({@code http://user:pw@host/movie/u/p/1.mkv?token=...}).
     */
    public static String shown(URI source) {
        if (source == null) {
            return "(no source)";
        }
        if (source.isOpaque() || source.getRawAuthority() == null) {
            return source.getRawQuery() == null ? source.toString()
                    : source.toString().substring(0, source.toString().indexOf('?')) + "?...";
        }
        String host = source.getHost() == null ? "" : source.getHost();
        return source.getScheme() + "://" + (source.getRawUserInfo() == null ? "" : "***@") + host
                + (source.getPort() < 0 ? "" : ":" + source.getPort()) + (source.getRawPath() == null ? "" : source.getRawPath())
                + (source.getRawQuery() == null ? "" : "?...");
    }

    public URI source() {
        return source;
    }

    public Reason reason() {
        return reason;
    }
}
