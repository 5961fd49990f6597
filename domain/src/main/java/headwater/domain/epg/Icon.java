package headwater.domain.epg;

import java.util.Objects;

/**
 * An XMLTV {@code icon}: an image URL with its size in pixels when the guide gives it.
 *
 * @param width pixels, or {@code null}
 * @param height pixels, or {@code null}
 */
public record Icon(String src, Integer width, Integer height) {
    public Icon {
        Objects.requireNonNull(src, "src");
    }

    public static Icon of(String src) {
        return new Icon(src, null, null);
    }
}
