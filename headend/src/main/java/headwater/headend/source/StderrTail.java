package headwater.headend.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a child process's stderr so it never blocks on a full pipe, keeping the last few lines (masked, truncated)
 * for error messages and logging each at debug level.
 */
final class StderrTail {
    private static final Logger log = LoggerFactory.getLogger(StderrTail.class);
    private static final int LINES = 16;
    private static final int LINE_CHARS = 400;

    private final ArrayDeque<String> lines = new ArrayDeque<>(LINES);
    private final String source;

    StderrTail(String source) {
        this.source = source;
    }

    /** Reads until the end of the stream; run on its own (virtual) thread. */
    void drain(InputStream stderr) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8), 2048)) {
            String line;
            while ((line = r.readLine()) != null) {
                String kept = MaskedUri.mask(line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS) + "…" : line);
                log.debug("{}: ffmpeg: {}", source, kept);
                synchronized (lines) {
                    if (lines.size() == LINES) {
                        lines.removeFirst();
                    }
                    lines.addLast(kept);
                }
            }
        } catch (IOException e) {
            // the process is gone; what we kept is all there is
        }
    }

    /** The last non-blank line, or "" when ffmpeg said nothing. */
    String lastLine() {
        synchronized (lines) {
            var it = lines.descendingIterator();
            while (it.hasNext()) {
                String l = it.next();
                if (!l.isBlank()) {
                    return l;
                }
            }
            return "";
        }
    }
}
