package headwater.domain.m3u;

import java.util.Objects;

/** One {@code name=value} pair of an M3U line; the name keeps the case it was written in. */
public record Attribute(String name, String value) {

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an attribute needs a name (value \"" + value + "\")");
        }
    }
}
