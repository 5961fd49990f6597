package headwater.domain.epg;

import java.util.Objects;

/**
 * An {@code episode-num}: the value in a numbering {@code system} such as {@code xmltv_ns} ("season.episode.part",
 * zero-based), {@code onscreen} (the DTD's default, "S5E37") or {@code dd_progid}.
 */
public record EpisodeNumber(String system, String value) {
    public static final String ONSCREEN = "onscreen";
    public static final String XMLTV_NS = "xmltv_ns";

    public EpisodeNumber {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(value, "value");
    }
}
