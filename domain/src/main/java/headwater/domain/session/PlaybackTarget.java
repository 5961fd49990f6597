package headwater.domain.session;

import headwater.domain.catalog.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a session plays. Its {@link #scope()} is the part of the media path that the session's token signs, so a
 * token for one target never opens another ({@code live/ch1} is not a prefix match for {@code live/ch10}: scopes
 * are compared whole). {@link #parse} reads a scope back (the Redis registry stores scopes).
 *
 * <pre>
 *   live/{channel}                        a live channel
 *   archive/{channel}/{start}-{seconds}   a window of a channel's catch-up archive: start in Unix seconds, length in
 *                                         seconds (1 s to {@value Archive#MAX_SECONDS} s)
 *   movie/{movie}                         a film of the VOD catalogue
 *   episode/{episode}                     an episode of a series
 * </pre>
 */
public sealed interface PlaybackTarget {

    /** The scope signed into the token, e.g. {@code live/news-hd}. */
    String scope();

    /** The catalogue id of what is played: the channel, film or episode. */
    String id();

    /** A live channel of the catalogue (or of the configuration), by id. */
    record Live(String channelId) implements PlaybackTarget {
        public Live {
            Check.id("session", "channelId", channelId);
        }

        @Override
        public String scope() {
            return "live/" + channelId;
        }

        @Override
        public String id() {
            return channelId;
        }
    }

    /**
     * A window of a channel's catch-up archive.
     *
     * @param start    the requested start (whole seconds); playback begins at the keyframe nearest it
     * @param duration the window's length, whole seconds, 1 s to {@value #MAX_SECONDS} s
     */
    record Archive(String channelId, Instant start, Duration duration) implements PlaybackTarget {

        /** Longest window: one day, as the Xtream apps' {@code duration} minutes never exceed it in practice. */
        public static final long MAX_SECONDS = 86_400;

        public Archive {
            Check.id("session", "channelId", channelId);
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(duration, "duration");
            if (start.getNano() != 0 || start.getEpochSecond() < 0) {
                throw new IllegalArgumentException("archive start " + start + " must be whole seconds after 1970");
            }
            if (duration.getNano() != 0 || duration.getSeconds() < 1 || duration.getSeconds() > MAX_SECONDS) {
                throw new IllegalArgumentException("archive window of " + duration + " must be whole seconds, 1 to "
                        + MAX_SECONDS);
            }
        }

        @Override
        public String scope() {
            return "archive/" + channelId + "/" + start.getEpochSecond() + "-" + duration.getSeconds();
        }

        @Override
        public String id() {
            return channelId;
        }

        public Instant end() {
            return start.plus(duration);
        }
    }

    /** A film of the VOD catalogue, by id. */
    record Movie(String movieId) implements PlaybackTarget {
        public Movie {
            Check.id("session", "movieId", movieId);
        }

        @Override
        public String scope() {
            return "movie/" + movieId;
        }

        @Override
        public String id() {
            return movieId;
        }
    }

    /** An episode of a series, by id. */
    record Episode(String episodeId) implements PlaybackTarget {
        public Episode {
            Check.id("session", "episodeId", episodeId);
        }

        @Override
        public String scope() {
            return "episode/" + episodeId;
        }

        @Override
        public String id() {
            return episodeId;
        }
    }

    /**
     * Reads a scope back into its target.
     *
     * @throws IllegalArgumentException naming the scope when it is none of the forms above
     */
    static PlaybackTarget parse(String scope) {
        Objects.requireNonNull(scope, "scope");
        try {
            int slash = scope.indexOf('/');
            String kind = slash < 0 ? scope : scope.substring(0, slash);
            String rest = slash < 0 ? "" : scope.substring(slash + 1);
            switch (kind) {
                case "live":
                    return new Live(rest);
                case "movie":
                    return new Movie(rest);
                case "episode":
                    return new Episode(rest);
                case "archive": {
                    int window = rest.indexOf('/');
                    int dash = rest.indexOf('-', window + 1);
                    if (window > 0 && dash > window + 1) {
                        return new Archive(rest.substring(0, window),
                                Instant.ofEpochSecond(Long.parseLong(rest.substring(window + 1, dash))),
                                Duration.ofSeconds(Long.parseLong(rest.substring(dash + 1))));
                    }
                    break;
                }
                default:
                    break;
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("session scope \"" + scope + "\" names no playable target: "
                    + e.getMessage(), e);
        }
        throw new IllegalArgumentException("session scope \"" + scope
                + "\" names no playable target: expected live/{channel}, archive/{channel}/{start}-{seconds}, "
                + "movie/{id} or episode/{id}");
    }
}
