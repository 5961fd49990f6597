package headwater.domain.m3u;

/**
 * Limits of one parse.
 *
 * @param maxLineBytes the longest line accepted, in bytes without its terminator; a longer one fails the parse with
 *                     an {@link M3uFormatException} before more than this many bytes are buffered
 * @param maxNotices   how many warnings and how many skipped entries the {@link ImportReport} lists (each is still
 *                     counted beyond that)
 */
public record ParseOptions(int maxLineBytes, int maxNotices) {

    /** 1 MiB lines (a real {@code x-tvg-url} header with 60 guides is about 6 KB), 100 notices. */
    public static final ParseOptions DEFAULTS = new ParseOptions(1 << 20, 100);

    public ParseOptions {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be at least 1, got " + maxLineBytes);
        }
        if (maxNotices < 0) {
            throw new IllegalArgumentException("maxNotices must not be negative, got " + maxNotices);
        }
    }

    public ParseOptions withMaxLineBytes(int bytes) {
        return new ParseOptions(bytes, maxNotices);
    }

    public ParseOptions withMaxNotices(int notices) {
        return new ParseOptions(maxLineBytes, notices);
    }
}
