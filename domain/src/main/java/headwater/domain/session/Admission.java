package headwater.domain.session;

import java.util.List;

/** The outcome of {@link SessionRegistry#admit} or {@link SessionRegistry#readmit}. */
public sealed interface Admission {

    /**
     * The session holds a slot now.
     *
     * @param session the admitted session
     * @param ended   the sessions ended to make room: the same device's previous one ({@link EndReason#REPLACED})
     *                and, under {@link LimitPolicy#END_OLDEST}, the evicted ones ({@link EndReason#EVICTED})
     */
    record Admitted(PlaybackSession session, List<String> ended) implements Admission {
        public Admitted {
            ended = List.copyOf(ended);
        }
    }

    /** The subscriber has {@code active} sessions and the policy refuses a new one. */
    record LimitReached(int active) implements Admission {
    }

    /** Readmission only: the session is unknown, ended or expired. */
    record Gone() implements Admission {
    }
}
