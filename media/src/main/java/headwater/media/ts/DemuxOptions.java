package headwater.media.ts;

/**
 * Which program of a multi-program stream to follow, and which non-audio/video PIDs to pass on.
 *
 * @param programNumber the program_number to follow, or 0 for the first program listed in the PAT
 * @param keepSubtitles pass DVB subtitle and teletext PIDs on
 * @param keepScte35 pass SCTE-35 splice information on
 * @param keepOtherData pass any other PID of the program (ID3, private data) on
 */
public record DemuxOptions(int programNumber, boolean keepSubtitles, boolean keepScte35, boolean keepOtherData) {
    public static final DemuxOptions DEFAULTS = new DemuxOptions(0, true, true, false);
}
