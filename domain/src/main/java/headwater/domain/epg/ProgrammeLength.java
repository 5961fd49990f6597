package headwater.domain.epg;

import java.time.Duration;
import java.util.Objects;

/** A programme's {@code length} as the guide states it (which may differ from stop minus start). */
public record ProgrammeLength(long value, Unit unit) {
    public ProgrammeLength {
        Objects.requireNonNull(unit, "unit");
        if (value < 0) {
            throw new IllegalArgumentException("length " + value + " " + unit.attribute() + " is negative");
        }
    }

    public Duration duration() {
        return switch (unit) {
            case SECONDS -> Duration.ofSeconds(value);
            case MINUTES -> Duration.ofMinutes(value);
            case HOURS -> Duration.ofHours(value);
        };
    }

    /** The DTD's {@code units} attribute values. */
    public enum Unit {
        SECONDS("seconds"), MINUTES("minutes"), HOURS("hours");

        private final String attribute;

        Unit(String attribute) {
            this.attribute = attribute;
        }

        public String attribute() {
            return attribute;
        }

        /** The unit for an attribute value, or {@code null}. */
        public static Unit ofAttribute(String value) {
            for (Unit u : values()) {
                if (u.attribute.equals(value)) {
                    return u;
                }
            }
            return null;
        }
    }
}
