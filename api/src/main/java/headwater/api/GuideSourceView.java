package headwater.api;

import headwater.domain.guide.GuideImportOutcome;
import headwater.domain.guide.GuideSource;

/** A guide source as the API returns it, with the outcome of its last import (read-only). */
record GuideSourceView(String id, String name, String location, String timeShift, int priority,
                       String refreshInterval, boolean enabled, LastImport lastImport, long version, String created,
                       String updated) {

    /** @param error null when the import succeeded */
    record LastImport(String finished, String error, long channels, long programmes, long unmatched, String took) {

        static LastImport of(GuideImportOutcome outcome) {
            return outcome == null ? null : new LastImport(outcome.finished().toString(), outcome.error(),
                    outcome.channels(), outcome.programmes(), outcome.unmatched(),
                    outcome.took() == null ? null : outcome.took().toString());
        }
    }

    static GuideSourceView of(GuideSource source) {
        return new GuideSourceView(source.id(), source.name(), source.location(), source.timeShift().toString(),
                source.priority(), source.refreshInterval().toString(), source.enabled(),
                LastImport.of(source.lastImport()), source.version(), source.created().toString(),
                source.updated().toString());
    }
}
