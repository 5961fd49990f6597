package headwater.domain.epg;

import java.util.List;
import java.util.Objects;

/**
 * A {@code rating} (age classification, such as system {@code VCHIP} value {@code TV-G}) or a {@code star-rating}
 * (value such as {@code 3/5}), with the icons the guide gives for it.
 *
 * @param system the {@code system} attribute, or {@code null}
 */
public record Rating(String system, String value, List<Icon> icons) {
    public Rating {
        Objects.requireNonNull(value, "value");
        icons = List.copyOf(icons);
    }
}
