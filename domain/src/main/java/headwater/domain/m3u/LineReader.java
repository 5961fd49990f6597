package headwater.domain.m3u;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strict UTF-8 lines from a stream, never buffering more than the line limit: LF, CRLF and a lone CR end a line; a
 * UTF-8 byte order mark at the start is dropped. A longer line or a malformed byte sequence is an
 * {@link M3uFormatException} naming the line.
 */
final class LineReader {

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[512];
    private int length;
    private char[] chars = new char[512];
    private long lineNumber;
    private boolean skipLineFeed;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The number of the line {@link #next()} returned last (1-based). */
    long lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, or {@code null} at the end of the input. */
    String next() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                int read = in.read(chunk);
                if (read <= 0) {
                    position = limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
                position = 0;
                limit = read;
            }
            byte b = chunk[position++];
            if (skipLineFeed) {
                skipLineFeed = false;
                if (b == '\n') {
                    continue;
                }
            }
            any = true;
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                skipLineFeed = true;
                break;
            }
            if (length == maxLineBytes) {
                throw new M3uFormatException(lineNumber + 1, "line " + (lineNumber + 1)
                        + " is longer than the limit of " + maxLineBytes + " bytes; the playlist was not imported");
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, (int) Math.min((long) maxLineBytes, 2L * line.length));
            }
            line[length++] = b;
        }
        lineNumber++;
        return decode();
    }

    private String decode() throws M3uFormatException {
        int start = 0;
        if (lineNumber == 1) {
            if (length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
                start = 3;
            } else if (length >= 2 && (line[0] == (byte) 0xFF && line[1] == (byte) 0xFE
                    || line[0] == (byte) 0xFE && line[1] == (byte) 0xFF)) {
                throw new M3uFormatException(1, "line 1 starts with a UTF-16 byte order mark (%02X %02X); playlists are read as UTF-8 only"
                        .formatted(line[0] & 0xFF, line[1] & 0xFF));
            }
        }
        boolean ascii = true;
        for (int i = start; i < length; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(line, start, length - start, StandardCharsets.ISO_8859_1);
        }
        if (chars.length < length) {
            chars = new char[Math.max(length, 2 * chars.length)];
        }
        ByteBuffer source = ByteBuffer.wrap(line, start, length - start);
        CharBuffer target = CharBuffer.wrap(chars);
        decoder.reset();
        CoderResult result = decoder.decode(source, target, true);
        if (!result.isError()) {
            result = decoder.flush(target);
        }
        if (result.isError()) {
            int at = source.position();
            throw new M3uFormatException(lineNumber, "line %d is not valid UTF-8: byte %d of the line (0x%02X) starts a malformed sequence; the playlist was not imported"
                    .formatted(lineNumber, at + 1, line[at] & 0xFF));
        }
        return new String(chars, 0, target.position());
    }
}
