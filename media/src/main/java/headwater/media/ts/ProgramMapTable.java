package headwater.media.ts;

import java.util.List;

/**
 * A program map section (ISO/IEC 13818-1 §2.4.4.8) for the program being packaged.
 *
 * @param pid the PID the section arrived on (from the PAT)
 * @param version version_number; a change means the program changed mid-stream
 */
public record ProgramMapTable(int programNumber, int pid, int pcrPid, int version, List<ElementaryStream> streams) {
    public ProgramMapTable {
        streams = List.copyOf(streams);
    }

    /** The first video stream, the one keyframes and segment boundaries are taken from; null when there is none. */
    public ElementaryStream video() {
        for (ElementaryStream s : streams) {
            if (s.codec().isVideo()) {
                return s;
            }
        }
        return null;
    }
}
