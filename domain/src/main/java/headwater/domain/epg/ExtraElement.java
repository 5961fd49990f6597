package headwater.domain.epg;

import java.util.List;
import java.util.Objects;

/**
 * An element of a channel or programme that has no field of its own ({@code country}, {@code keyword},
 * {@code video}, {@code audio}, {@code subtitles}, a provider's own {@code lcn} ...), kept as a small tree so that an
 * export carries what the import read. Mixed content is simplified: all text of the element, trimmed, then its
 * children.
 */
public record ExtraElement(String name, List<XmlAttribute> attributes, String text, List<ExtraElement> children) {
    public ExtraElement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** The value of an attribute, or {@code null}. */
    public String attribute(String attributeName) {
        for (XmlAttribute a : attributes) {
            if (a.name().equals(attributeName)) {
                return a.value();
            }
        }
        return null;
    }
}
