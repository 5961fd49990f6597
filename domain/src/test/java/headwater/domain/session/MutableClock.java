package headwater.domain.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock that tests move by hand, to the millisecond; safe from any thread. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Starts at the real time (so that stores with real expiries stay sane), to the millisecond. */
    public static MutableClock startingNow() {
        return new MutableClock(Instant.now());
    }

    public synchronized Instant advance(Duration by) {
        now = now.plus(by).truncatedTo(ChronoUnit.MILLIS);
        return now;
    }

    public void set(Instant instant) {
        now = instant.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public long millis() {
        return now.toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a MutableClock stays in UTC");
    }
}
