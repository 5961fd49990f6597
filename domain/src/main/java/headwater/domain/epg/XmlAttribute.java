package headwater.domain.epg;

import java.util.Objects;

/** One attribute that has no field of its own, kept so that an export carries what the import read. */
public record XmlAttribute(String name, String value) {
    public XmlAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
