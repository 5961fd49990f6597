package headwater.domain.subscriber;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times are stored as epoch milliseconds, so values carry no finer precision than the store keeps. */
final class Millis {

    private Millis() {
    }

    /** {@code time} truncated to the millisecond, or null. */
    static Instant of(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MILLIS);
    }
}
