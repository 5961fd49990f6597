package headwater.domain.epg;

import java.util.Objects;

/**
 * A text in one language, as XMLTV's {@code title}, {@code sub-title}, {@code desc}, {@code category},
 * {@code display-name} and {@code premiere} carry it.
 *
 * @param text the text, trimmed; may be empty
 * @param lang the {@code lang} attribute (a language code such as {@code es} or {@code en_NZ}), or {@code null}
 */
public record LocalizedText(String text, String lang) {
    public LocalizedText {
        Objects.requireNonNull(text, "text");
    }

    public static LocalizedText of(String text) {
        return new LocalizedText(text, null);
    }
}
