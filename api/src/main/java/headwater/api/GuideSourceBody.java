package headwater.api;

import headwater.domain.guide.GuideSourceDraft;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * An XMLTV guide source as a client sends it. Durations are ISO-8601 ({@code PT1H}, {@code -PT30M}). Defaults: no
 * time shift, priority 0, refresh every 12 hours, enabled. The location is checked against the outbound URL policy
 * when it is fetched, not here.
 *
 * @param id      required on create; on update optional, and then equal to the id in the path
 * @param version on update, the version the change is based on (or send {@code If-Match}); refused on create
 */
record GuideSourceBody(String id, String name, String location, String timeShift, Integer priority,
                       String refreshInterval, Boolean enabled, Long version) {

    GuideSourceDraft draft(String pathId) {
        List<FieldError> errors = new ArrayList<>();
        String effectiveId = Bodies.id(pathId, id, errors);
        Bodies.required("name", name, errors);
        Bodies.required("location", location, errors);
        Duration shift = timeShift == null ? Duration.ZERO : duration("timeShift", timeShift, errors);
        Duration refresh = refreshInterval == null ? GuideSourceDraft.DEFAULT_REFRESH
                : duration("refreshInterval", refreshInterval, errors);
        Bodies.check(errors);
        return new GuideSourceDraft(effectiveId, name, location, shift, priority == null ? 0 : priority, refresh,
                enabled == null || enabled);
    }

    private static Duration duration(String field, String text, List<FieldError> errors) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "is \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                    + "\": must be an ISO-8601 duration such as PT1H or -PT30M"));
            return Duration.ZERO;
        }
    }
}
