package headwater.domain.epg;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with {@link GuideTooLargeException} once more than {@code limit} bytes were read. */
final class ByteLimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    ByteLimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void add(long n) throws GuideTooLargeException {
        count += n;
        if (count > limit) {
            throw new GuideTooLargeException("guide is larger than the limit of " + limit + " bytes");
        }
    }

    /** The guide is over the byte limit. */
    static final class GuideTooLargeException extends IOException {
        GuideTooLargeException(String message) {
            super(message);
        }
    }
}
