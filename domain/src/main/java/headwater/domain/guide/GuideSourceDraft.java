package headwater.domain.guide;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import java.time.Duration;
import java.util.Objects;

/**
 * What an operator says about a guide source: everything but the store's bookkeeping. Validated on construction;
 * every refusal names the field.
 *
 * @param id              stable key (letters, digits, '.', '_', '-'; at most 64 characters)
 * @param name            display name
 * @param location        where the guide is fetched from: a file path or a URL, as the operator wrote it (fetching
 *                        and its SSRF checks are the {@link GuideFetcher}'s job)
 * @param timeShift       added to every start and stop of this source at import, -24 h to +24 h (a provider whose
 *                        times are an hour off, or a channel shown with a delay)
 * @param priority        where several sources feed one channel, the higher priority wins ({@link GuideMerge});
 *                        {@value #MIN_PRIORITY} to {@value #MAX_PRIORITY}
 * @param refreshInterval how often the scheduler imports the source again, 1 minute to 30 days
 * @param enabled         a disabled source is neither refreshed nor shown
 */
public record GuideSourceDraft(String id, String name, String location, Duration timeShift, int priority,
                               Duration refreshInterval, boolean enabled) {

    public static final int MIN_PRIORITY = -1000;
    public static final int MAX_PRIORITY = 1000;
    public static final Duration MAX_TIME_SHIFT = Duration.ofHours(24);
    public static final Duration MIN_REFRESH = Duration.ofMinutes(1);
    public static final Duration MAX_REFRESH = Duration.ofDays(30);
    public static final Duration DEFAULT_REFRESH = Duration.ofHours(12);

    public GuideSourceDraft {
        Check.id("guide source", "id", id);
        Check.text("guide source", "name", name, Check.MAX_NAME_LENGTH);
        Check.text("guide source", "location", location, Check.MAX_URI_LENGTH);
        Objects.requireNonNull(timeShift, "timeShift");
        if (timeShift.abs().compareTo(MAX_TIME_SHIFT) > 0 || timeShift.getNano() % 1_000_000 != 0) {
            throw new InvalidValueException("guide source", "timeShift", "is " + timeShift
                    + ": must be whole milliseconds between -24 and +24 hours");
        }
        Check.range("guide source", "priority", priority, MIN_PRIORITY, MAX_PRIORITY);
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        if (refreshInterval.compareTo(MIN_REFRESH) < 0 || refreshInterval.compareTo(MAX_REFRESH) > 0
                || refreshInterval.getNano() % 1_000_000 != 0) {
            throw new InvalidValueException("guide source", "refreshInterval", "is " + refreshInterval
                    + ": must be whole milliseconds between 1 minute and 30 days");
        }
    }

    /** An enabled source without time shift, priority 0, refreshed every 12 hours. */
    public static GuideSourceDraft of(String id, String name, String location) {
        return new GuideSourceDraft(id, name, location, Duration.ZERO, 0, DEFAULT_REFRESH, true);
    }

    public GuideSourceDraft withName(String newName) {
        return new GuideSourceDraft(id, newName, location, timeShift, priority, refreshInterval, enabled);
    }

    public GuideSourceDraft withLocation(String newLocation) {
        return new GuideSourceDraft(id, name, newLocation, timeShift, priority, refreshInterval, enabled);
    }

    public GuideSourceDraft withTimeShift(Duration newTimeShift) {
        return new GuideSourceDraft(id, name, location, newTimeShift, priority, refreshInterval, enabled);
    }

    public GuideSourceDraft withPriority(int newPriority) {
        return new GuideSourceDraft(id, name, location, timeShift, newPriority, refreshInterval, enabled);
    }

    public GuideSourceDraft withRefreshInterval(Duration newRefreshInterval) {
        return new GuideSourceDraft(id, name, location, timeShift, priority, newRefreshInterval, enabled);
    }

    public GuideSourceDraft withEnabled(boolean newEnabled) {
        return new GuideSourceDraft(id, name, location, timeShift, priority, refreshInterval, newEnabled);
    }
}
