package headwater.security.outbound;

import java.io.IOException;
import java.io.InputStream;

/** The body of a {@code Transfer-Encoding: chunked} response (RFC 9112 §7.1), with bounded chunk-size lines. */
final class ChunkedInputStream extends BlockInputStream {

    private final InputStream in;
    private final String shown;
    private long remainingInChunk;
    private boolean done;

    ChunkedInputStream(InputStream in, String shown) {
        this.in = in;
        this.shown = shown;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        if (remainingInChunk == 0) {
            remainingInChunk = nextChunkSize();
            if (remainingInChunk == 0) {
                skipTrailers();
                done = true;
                return -1;
            }
        }
        int n = in.read(buf, off, (int) Math.min(len, remainingInChunk));
        if (n < 0) {
            throw new DownloadFailedException(shown + ": the connection closed in the middle of a chunk");
        }
        remainingInChunk -= n;
        if (remainingInChunk == 0) {
            String end = ResponseHead.line(in, shown, new int[] {2});
            if (end == null || !end.isEmpty()) {
                throw new DownloadFailedException(shown + ": a chunk of the response is not followed by CRLF");
            }
        }
        return n;
    }

    private long nextChunkSize() throws IOException {
        String line = ResponseHead.line(in, shown, new int[] {4096});
        if (line == null) {
            throw new DownloadFailedException(shown + ": the connection closed before the last chunk");
        }
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
        if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new DownloadFailedException(shown + ": the chunk size '" + ResponseHead.printable(line, 40)
                    + "' is not a hexadecimal number");
        }
        return Long.parseLong(hex, 16);
    }

    private void skipTrailers() throws IOException {
        int[] budget = {ResponseHead.MAX_HEAD};
        String line;
        do {
            line = ResponseHead.line(in, shown, budget);
        } while (line != null && !line.isEmpty());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
