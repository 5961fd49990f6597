package headwater.api.xtream;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;

/**
 * A request path (and query) read as one of the Xtream protocol's media URLs (anchors §2.8). {@link #parse} never
 * throws for anything a client can send: a path that is none of the forms is {@link NotMedia} (the router goes on,
 * ending in 404), a media URL with a bad part is {@link Malformed} naming the part (400).
 *
 * <pre>
 *   /live/{u}/{p}/{id}[.ts|.m3u8]        /live/{token}/{id}[.ts|.m3u8]          live (no extension: ts)
 *   /{u}/{p}/{id}[.ts|.m3u8]                                                     live, the short form
 *   /movie/{u}/{p}/{id}.{ext}            /movie/{token}/{id}.{ext}              a film ({ext}: its container)
 *   /series/{u}/{p}/{id}.{ext}           /series/{token}/{id}.{ext}             an episode
 *   /timeshift/{u}/{p}/{minutes}/{start}/{id}[.ts|.m3u8]                         catch-up, XC's order
 *   /timeshift/{token}/{minutes}/{start}/{id}[.ts|.m3u8]
 *   /timeshifts/{u}/{p}/{minutes}/{id}/{start}[.ts|.m3u8]                        catch-up, XUI's order
 *   /timeshifts/{token}/{minutes}/{id}/{start}[.ts|.m3u8]
 *   /streaming/timeshift.php?username=&amp;password=&amp;stream={id}[.ext]&amp;start=&amp;duration=   (or token= for both)
 *
 *   id      = "0" / [1-9][0-9]{0,9}, at most 2^31-1  (a number of {@code XtreamIds}; anything else names nothing)
 *   minutes = 1 to 1440 (decimal)
 *   start   = YYYY-MM-DD:HH-MM[-SS] in the server's time zone (a local time in a DST gap moves forward, one in an
 *             overlap takes the earlier offset), not before 1970
 *   u, p, token: percent-decoded path segments (UTF-8), 1 to 256 characters
 * </pre>
 * The short form claims a three-segment path only when its last segment is a number with an optional
 * {@code .ts}/{@code .m3u8} and its first is not one of the words above or a path of ours ({@code s}, {@code api});
 * a username literally "live", "movie", "series", "timeshift" or "timeshifts" must use the long form.
 */
sealed interface MediaUrl {

    /** Longest username, password or token accepted. */
    int MAX_CREDENTIAL = 256;
    /** Longest catch-up window: the session's limit ({@code PlaybackTarget.Archive.MAX_SECONDS}) in minutes. */
    int MAX_MINUTES = 1440;

    /**
     * @param rawPath the request path as sent (still percent-encoded), without the query
     * @param query   the decoded query parameters by name (the first value), null when absent
     * @param zone    the server's time zone, in which timeshift start times are read
     */
    static MediaUrl parse(String rawPath, Function<String, String> query, ZoneId zone) {
        return MediaUrlParser.parse(rawPath, query, zone);
    }

    /** A media URL that names something to play. */
    sealed interface Media extends MediaUrl {
        MediaCredentials credentials();

        /** The stream's Xtream number. */
        int stream();
    }

    /** A live channel, as a continuous MPEG-TS or as HLS. */
    record Live(MediaCredentials credentials, int stream, boolean hls) implements Media {
        public Live {
            Objects.requireNonNull(credentials, "credentials");
        }
    }

    /** A film; {@code extension} is the container the client asked for, lower case. */
    record Movie(MediaCredentials credentials, int stream, String extension) implements Media {
        public Movie {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(extension, "extension");
        }
    }

    /** An episode of a series; {@code extension} is the container the client asked for, lower case. */
    record Episode(MediaCredentials credentials, int stream, String extension) implements Media {
        public Episode {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(extension, "extension");
        }
    }

    /** A window of a channel's catch-up archive: {@code minutes} from {@code start}. */
    record Timeshift(MediaCredentials credentials, int stream, boolean hls, Instant start, int minutes)
            implements Media {
        public Timeshift {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(start, "start");
        }
    }

    /** A media URL with a part that cannot be read: 400 naming {@code field}. */
    record Malformed(String field, String reason) implements MediaUrl {
    }

    /** Not one of the media URL forms (or one naming no possible stream): the next route's business. */
    record NotMedia() implements MediaUrl {
    }
}
