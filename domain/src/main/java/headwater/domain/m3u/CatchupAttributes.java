package headwater.domain.m3u;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The time-shift and catch-up attributes, which M3U allows both on the {@code #EXTM3U} header (for every entry) and on
 * each {@code #EXTINF} (pvr.iptvsimple's reading): one definition of their names and types for both.
 */
public interface CatchupAttributes {

    Attributes attributes();

    /** {@code tvg-shift}: hours added to every guide time. */
    default Optional<Double> tvgShift() {
        return attributes().decimal("tvg-shift");
    }

    /** {@code catchup}: the catch-up mode ({@code default}, {@code append}, {@code shift}, {@code flussonic}, {@code xc}, ...). */
    default Optional<String> catchup() {
        return attributes().text("catchup");
    }

    /** {@code catchup-source}: the URL template of catch-up requests. */
    default Optional<String> catchupSource() {
        return attributes().text("catchup-source");
    }

    /** {@code catchup-days}: how many days back catch-up reaches. */
    default OptionalInt catchupDays() {
        return attributes().integer("catchup-days");
    }

    /** {@code catchup-correction}: hours added to catch-up times. */
    default Optional<Double> catchupCorrection() {
        return attributes().decimal("catchup-correction");
    }
}
