package headwater.security.outbound;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and fails once more than {@code max} have come; it never reads more than one byte
 * beyond the limit. As the outermost stream it also names the URL in every error of the streams below it (a corrupt
 * gzip member, a connection reset).
 */
final class ByteBudget extends BlockInputStream {

    private final InputStream in;

    private final long max;
    private final String what;
    private final String shown;
    private long count;

    /** @param what "bytes" or "bytes after gzip decoding", for the message */
    ByteBudget(InputStream in, long max, String what, String shown) {
        this.in = in;
        this.max = max;
        this.what = what;
        this.shown = shown;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n;
        try {
            n = in.read(buf, off, (int) Math.min(len, max - count + 1));
        } catch (DownloadFailedException | OutboundRefusedException precise) {
            throw precise;
        } catch (IOException e) {
            throw new DownloadFailedException(shown + ": reading the response failed after " + count + " " + what
                    + ": " + e.getMessage(), e);
        }
        if (n > 0) {
            count += n;
            if (count > max) {
                throw new DownloadFailedException(shown + " is larger than the limit of " + max + " " + what);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(8192, Math.max(1, n))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), Math.max(0, max - count));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
