package headwater.domain.epg;

import java.util.Comparator;
import java.util.List;

/**
 * The order of a channel's and a programme's child elements in xmltv.dtd. The writer follows it, and extra elements
 * are sorted by it so that a value read back from an export equals the value exported.
 */
final class XmltvElementOrder {
    static final List<String> CHANNEL = List.of("display-name", "icon", "url");

    static final List<String> PROGRAMME = List.of("title", "sub-title", "desc", "credits", "date", "category",
            "keyword", "language", "orig-language", "length", "icon", "url", "country", "episode-num", "video",
            "audio", "previously-shown", "premiere", "last-chance", "new", "subtitles", "rating", "star-rating",
            "review", "image");

    private XmltvElementOrder() {
    }

    /** Sorts by rank in {@code order}; names the DTD does not know come last, in the order read. */
    static Comparator<ExtraElement> comparator(List<String> order) {
        return Comparator.comparingInt(e -> {
            int i = order.indexOf(e.name());
            return i < 0 ? order.size() : i;
        });
    }

    static List<ExtraElement> sorted(List<ExtraElement> extras, List<String> order) {
        return extras.stream().sorted(comparator(order)).toList();
    }
}
