package headwater.domain.guide;

import java.util.Objects;
import headwater.domain.epg.Programme;

/**
 * A programme ready to be stored: its stop is final ({@link ProgrammeTimeline} decided it).
 *
 * @param programme the programme, shifted, with its final stop
 * @param openEnd   whether the guide gave no stop (kept so that the stop can be decided again)
 */
public record StagedProgramme(Programme programme, boolean openEnd) {

    public StagedProgramme {
        Objects.requireNonNull(programme, "programme");
        if (programme.stop() == null) {
            throw new IllegalArgumentException("programme of " + programme.channelId() + " at " + programme.start()
                    + " has no stop: a staged programme's stop is final");
        }
    }
}
