package headwater.domain.guide;

import headwater.domain.epg.Programme;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes one channel's programmes, given in start order, a timeline players accept: every programme gets a stop and
 * none overlaps the next. The rules, applied to each programme P and the one after it, N:
 *
 * <ul>
 *   <li><b>Same start</b>: N replaces P (the later one in the guide wins); counted as a duplicate.</li>
 *   <li><b>Overlap</b> (P stops after N starts): P is cut to stop at N's start (the later start wins; a programme
 *       inside another cuts it short, and what the longer one had after it is lost); counted as truncated.</li>
 *   <li><b>No stop</b>: P stops at N's start; the channel's last programme stops after its stated {@code length},
 *       else after the default length; counted as open-ended.</li>
 * </ul>
 *
 * <p>A programme's content is never changed, only its stop. Gaps between programmes stay gaps.
 */
public final class ProgrammeTimeline {

    private final Duration defaultLength;
    private final Consumer<StagedProgramme> out;
    private final Tally tally;
    private Programme pending;

    public ProgrammeTimeline(Duration defaultLength, Tally tally, Consumer<StagedProgramme> out) {
        this.defaultLength = defaultLength;
        this.tally = tally;
        this.out = out;
    }

    /** Puts {@code programmes} (of one channel, in any order) in start order and applies the rules. */
    public static List<StagedProgramme> arrange(List<Programme> programmes, Duration defaultLength, Tally tally) {
        List<Programme> sorted = new ArrayList<>(programmes);
        sorted.sort(Comparator.comparing(Programme::start)); // stable: of equal starts, the later one stays later
        List<StagedProgramme> arranged = new ArrayList<>(sorted.size());
        ProgrammeTimeline timeline = new ProgrammeTimeline(defaultLength, tally, arranged::add);
        sorted.forEach(timeline::add);
        timeline.finish();
        return arranged;
    }

    /** The start of the last programme added, or {@code null}: a programme added next must not start before it. */
    public Instant lastStart() {
        return pending == null ? null : pending.start();
    }

    /**
     * Adds the next programme.
     *
     * @throws IllegalArgumentException it starts before the previous one
     */
    public void add(Programme next) {
        if (pending != null) {
            int order = next.start().compareTo(pending.start());
            if (order < 0) {
                throw new IllegalArgumentException("programme of " + next.channelId() + " at " + next.start()
                        + " comes after one at " + pending.start() + ": a timeline is fed in start order");
            }
            if (order == 0) {
                tally.duplicates++;
                pending = next;
                return;
            }
            out.accept(settle(pending, next.start()));
        }
        pending = next;
    }

    /** Settles the last programme: call once at the end. */
    public void finish() {
        if (pending != null) {
            out.accept(settle(pending, null));
            pending = null;
        }
    }

    /** {@code p} with its final stop, given the next programme's start ({@code null} for the last one). */
    public StagedProgramme settle(Programme p, Instant nextStart) {
        Instant stop = p.stop();
        boolean open = stop == null;
        if (open) {
            tally.openEnded++;
            if (nextStart != null) {
                stop = nextStart;
            } else {
                stop = assumedStop(p);
            }
        } else if (nextStart != null && stop.isAfter(nextStart)) {
            tally.truncated++;
            stop = nextStart;
        }
        return new StagedProgramme(p.retimed(p.channelId(), p.start(), stop), open);
    }

    /** The stop of a programme without stop and without a next one: after its stated length, else the default. */
    public Instant assumedStop(Programme p) {
        boolean stated = p.length() != null && !p.length().duration().isZero();
        return p.start().plus(stated ? p.length().duration() : defaultLength);
    }

    /** What the rules changed. */
    public static final class Tally {
        long duplicates;
        long truncated;
        long openEnded;

        public long duplicates() {
            return duplicates;
        }

        public long truncated() {
            return truncated;
        }

        public long openEnded() {
            return openEnded;
        }
    }
}
