package headwater.security.outbound;

import java.io.IOException;
import java.io.InputStream;

/** The body of a response with a Content-Length: exactly that many bytes, or an error if the connection ends early. */
final class LengthInputStream extends BlockInputStream {

    private final InputStream in;
    private final long length;
    private final String shown;
    private long remaining;

    LengthInputStream(InputStream in, long length, String shown) {
        this.in = in;
        this.length = length;
        this.remaining = length;
        this.shown = shown;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(buf, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new DownloadFailedException(shown + ": the connection closed after " + (length - remaining) + " of "
                    + length + " bytes");
        }
        remaining -= n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
