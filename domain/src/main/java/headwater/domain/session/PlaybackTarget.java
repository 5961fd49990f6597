package headwater.domain.session;

import headwater.domain.catalog.Check;

/**
 * What a session plays. Its {@link #scope()} is the part of the media path that the session's token signs, so a
 * token for one target never opens another ({@code live/ch1} is not a prefix match for {@code live/ch10}: scopes
 * are compared whole). VOD items and archive windows join in the Xtream issue.
 */
public sealed interface PlaybackTarget {

    /** The scope signed into the token, e.g. {@code live/news-hd}. */
    String scope();

    /** A live channel of the catalogue (or of the configuration), by id. */
    record Live(String channelId) implements PlaybackTarget {
        public Live {
            Check.id("session", "channelId", channelId);
        }

        @Override
        public String scope() {
            return "live/" + channelId;
        }
    }
}
