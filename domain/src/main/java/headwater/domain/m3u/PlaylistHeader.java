package headwater.domain.m3u;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The attributes of the {@code #EXTM3U} line, in order: the guides ({@code x-tvg-url}, {@code url-tvg}) and the
 * playlist-wide defaults for time shift and catch-up that players apply to every entry without its own.
 */
public record PlaylistHeader(Attributes attributes) implements CatchupAttributes {

    private static final PlaylistHeader EMPTY = new PlaylistHeader(Attributes.none());

    public PlaylistHeader {
        Objects.requireNonNull(attributes, "attributes");
    }

    public static PlaylistHeader empty() {
        return EMPTY;
    }

    /**
     * The XMLTV guide URLs of {@code x-tvg-url} then {@code url-tvg}: both are comma-separated lists; blanks and
     * repeats are dropped, the order is kept.
     */
    public List<String> epgUrls() {
        var urls = new LinkedHashSet<String>();
        for (String name : List.of("x-tvg-url", "url-tvg")) {
            urls.addAll(attributes.items(name, ","));
        }
        return List.copyOf(urls);
    }

}
