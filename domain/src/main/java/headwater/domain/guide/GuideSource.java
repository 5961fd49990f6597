package headwater.domain.guide;

import headwater.domain.catalog.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored guide source: the operator's {@link GuideSourceDraft}, the store's bookkeeping, and how its last import
 * went.
 *
 * @param version    incremented by every update of the draft (optimistic concurrency); recording an import outcome
 *                   does not change it, so a refresh never makes an operator's edit fail
 * @param lastImport the outcome of the last import, successful or not, or {@code null} before the first one
 */
public record GuideSource(GuideSourceDraft draft, long version, GuideImportOutcome lastImport, Instant created,
                          Instant updated) {

    public GuideSource {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        if (version < 1) {
            throw new InvalidValueException("guide source", "version", "is " + version + ": stored versions start at 1");
        }
    }

    public String id() {
        return draft.id();
    }

    public String name() {
        return draft.name();
    }

    public String location() {
        return draft.location();
    }

    public Duration timeShift() {
        return draft.timeShift();
    }

    public int priority() {
        return draft.priority();
    }

    public Duration refreshInterval() {
        return draft.refreshInterval();
    }

    public boolean enabled() {
        return draft.enabled();
    }

    public Optional<GuideImportOutcome> lastImportOutcome() {
        return Optional.ofNullable(lastImport);
    }
}
