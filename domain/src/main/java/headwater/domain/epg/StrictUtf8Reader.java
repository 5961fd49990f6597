package headwater.domain.epg;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses invalid sequences with their exact byte offset, line and column, where a decoding
 * {@link java.io.InputStreamReader} would only say "invalid byte 2 of 3-byte sequence".
 */
final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024).flip();
    private long bytesBeforeBuffer;
    private long line = 1;
    private long column = 1;
    private boolean eof;
    private boolean flushed;

    /** Decodes {@code in}, whose first byte is at {@code offset} of the guide (3 after a byte order mark). */
    StrictUtf8Reader(InputStream in, long offset) {
        this.in = in;
        this.bytesBeforeBuffer = offset;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    private void fill() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0 && !flushed) {
                if (!eof && bytes.remaining() < 4) {
                    readMore();
                }
                CoderResult result = decoder.decode(bytes, chars, eof);
                if (result.isError()) {
                    track();
                    long offset = bytesBeforeBuffer + bytes.position();
                    throw new InvalidUtf8Exception("invalid UTF-8 at byte " + offset + " (line " + line + ", column "
                            + column + "):" + describe(result.length()), line, column);
                }
                if (eof && result.isUnderflow()) {
                    decoder.flush(chars);
                    flushed = true;
                }
            }
            track();
        } finally {
            chars.flip();
        }
    }

    private String describe(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length && bytes.position() + i < bytes.limit(); i++) {
            sb.append(String.format(" %02x", bytes.get(bytes.position() + i) & 0xff));
        }
        return sb + " is not a UTF-8 sequence";
    }

    /** Advances line and column over the characters decoded in this pass. */
    private void track() {
        for (int i = 0; i < chars.position(); i++) {
            char c = chars.get(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
    }

    private void readMore() throws IOException {
        bytesBeforeBuffer += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Bytes that are not UTF-8. */
    static final class InvalidUtf8Exception extends IOException {
        final long line;
        final long column;

        InvalidUtf8Exception(String message, long line, long column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }
}
