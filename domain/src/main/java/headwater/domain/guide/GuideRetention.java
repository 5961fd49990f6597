package headwater.domain.guide;

import headwater.domain.catalog.Check;
import java.time.Duration;
import java.time.Instant;

/**
 * Which programmes the guide keeps: those that end after {@code pastDays} ago (catch-up needs the past) and start
 * before {@code futureDays} from now. Applied at import and, as time moves on, by {@link GuideStore#purge}.
 */
public record GuideRetention(int pastDays, int futureDays) {

    public static final int MAX_DAYS = 3650;
    /** A week of catch-up and two weeks ahead. */
    public static final GuideRetention DEFAULT = new GuideRetention(7, 14);

    public GuideRetention {
        Check.range("guide retention", "pastDays", pastDays, 0, MAX_DAYS);
        Check.range("guide retention", "futureDays", futureDays, 0, MAX_DAYS);
    }

    public Instant keepFrom(Instant now) {
        return now.minus(Duration.ofDays(pastDays));
    }

    public Instant keepUntil(Instant now) {
        return now.plus(Duration.ofDays(futureDays));
    }

    /** Whether a programme from {@code start} to {@code stop} is kept at {@code now}. */
    public boolean keeps(Instant start, Instant stop, Instant now) {
        return stop.isAfter(keepFrom(now)) && start.isBefore(keepUntil(now));
    }
}
