package headwater.domain.m3u;

import java.io.IOException;

/**
 * The input cannot be read as a playlist at all: a line longer than the limit, or bytes that are not UTF-8. Carries
 * the line number; nothing of a playlist that fails this way should be applied (a half-read playlist would look like
 * a playlist whose other channels were removed). Everything less serious is a warning or a skipped entry in the
 * {@link ImportReport}.
 */
public final class M3uFormatException extends IOException {

    private final long line;

    public M3uFormatException(long line, String message) {
        super(message);
        this.line = line;
    }

    /** The 1-based line the problem is on. */
    public long line() {
        return line;
    }
}
