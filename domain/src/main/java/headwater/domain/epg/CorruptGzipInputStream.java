package headwater.domain.epg;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A {@link GZIPInputStream} whose truncation and corruption surface as {@link CorruptGzipException}: an XML parser
 * takes a plain {@link EOFException} for the end of its input and would report "premature end of file" instead.
 */
final class CorruptGzipInputStream extends FilterInputStream {
    CorruptGzipInputStream(InputStream compressed) throws IOException {
        super(open(compressed));
    }

    private static InputStream open(InputStream compressed) throws IOException {
        try {
            return new GZIPInputStream(compressed, 64 * 1024);
        } catch (EOFException | ZipException e) {
            throw new CorruptGzipException("gzip header is corrupt or truncated: " + e.getMessage(), e);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (EOFException | ZipException e) {
            throw new CorruptGzipException("gzip stream is corrupt or truncated: " + e.getMessage(), e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (EOFException | ZipException e) {
            throw new CorruptGzipException("gzip stream is corrupt or truncated: " + e.getMessage(), e);
        }
    }

    /** The gzip layer of a guide is broken. */
    static final class CorruptGzipException extends IOException {
        CorruptGzipException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
