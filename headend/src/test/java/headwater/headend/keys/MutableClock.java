package headwater.headend.keys;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A wall clock the test moves. */
public final class MutableClock implements InstantSource {
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }
}
