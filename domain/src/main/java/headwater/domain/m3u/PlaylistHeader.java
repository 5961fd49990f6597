package headwater.domain.m3u;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The attributes of the {@code #EXTM3U} line, in order: the guides ({@code x-tvg-url}, {@code url-tvg}) and the
 * playlist-wide defaults for time shift and catch-up that players apply to every entry without its own.
 */
public record PlaylistHeader(Attributes attributes) {

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

    /** {@code tvg-shift}: hours added to every guide time. */
    public Optional<Double> tvgShift() {
        return attributes.decimal("tvg-shift");
    }

    /** {@code catchup}: the catch-up mode ({@code default}, {@code append}, {@code shift}, {@code flussonic}, {@code xc}, ...). */
    public Optional<String> catchup() {
        return attributes.text("catchup");
    }

    /** {@code catchup-source}: the URL template of catch-up requests. */
    public Optional<String> catchupSource() {
        return attributes.text("catchup-source");
    }

    /** {@code catchup-days}: how many days back catch-up reaches. */
    public OptionalInt catchupDays() {
        return attributes.integer("catchup-days");
    }

    /** {@code catchup-correction}: hours added to catch-up times. */
    public Optional<Double> catchupCorrection() {
        return attributes.decimal("catchup-correction");
    }
}
