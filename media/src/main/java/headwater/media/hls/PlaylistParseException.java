package headwater.media.hls;

/**
 * A playlist received from outside that cannot be read, with the line it failed on: {@code "line 7: #EXTINF duration
 * 'abc' is not a number"}.
 */
public final class PlaylistParseException extends Exception {
    private final int line;

    public PlaylistParseException(int line, String problem) {
        super(line > 0 ? "line " + line + ": " + problem : problem);
        this.line = line;
    }

    /** The 1-based line the problem is on, or 0 when it concerns the whole playlist. */
    public int line() {
        return line;
    }
}
