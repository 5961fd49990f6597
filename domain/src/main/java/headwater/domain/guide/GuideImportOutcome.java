package headwater.domain.guide;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How an import of a source ended, as recorded on the source.
 *
 * @param finished   when it ended
 * @param error      why it failed (the precise message), or {@code null} when it succeeded
 * @param channels   XMLTV channels stored (0 when it failed)
 * @param programmes programmes stored (0 when it failed)
 * @param unmatched  XMLTV channels that match no catalogue channel (stored anyway)
 * @param took       how long it ran
 */
public record GuideImportOutcome(Instant finished, String error, long channels, long programmes, long unmatched,
                                 Duration took) {

    public GuideImportOutcome {
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(took, "took");
    }

    public static GuideImportOutcome failed(Instant finished, String error, Duration took) {
        return new GuideImportOutcome(finished, Objects.requireNonNull(error, "error"), 0, 0, 0, took);
    }

    public boolean succeeded() {
        return error == null;
    }
}
