package headwater.headend.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The bytes of a file in memory, addressed by a long offset: the file mapped read-only in chunks of up to 1 GiB (a
 * buffer holds at most 2 GiB), or an array. Reads are absolute; instances are safe to share between threads.
 */
final class FileBytes {
    static final int CHUNK_BITS = 30;

    private final ByteBuffer[] chunks;
    private final int chunkBits;
    private final long chunkMask;
    private final long size;

    private FileBytes(ByteBuffer[] chunks, int chunkBits, long size) {
        this.chunks = chunks;
        this.chunkBits = chunkBits;
        this.chunkMask = (1L << chunkBits) - 1;
        this.size = size;
    }

    static FileBytes of(byte[] bytes) {
        return new FileBytes(new ByteBuffer[] {ByteBuffer.wrap(bytes)}, 31, bytes.length);
    }

    /** Maps the first {@code size} bytes of {@code file} read-only. */
    static FileBytes map(FileChannel file, long size) throws IOException {
        return map(file, size, CHUNK_BITS);
    }

    /** Maps in chunks of 2^{@code chunkBits} bytes (small ones in tests, so that packets straddle chunks). */
    static FileBytes map(FileChannel file, long size, int chunkBits) throws IOException {
        if (chunkBits < 1 || chunkBits > CHUNK_BITS) {
            throw new IllegalArgumentException("chunkBits must be in 1.." + CHUNK_BITS + ", got " + chunkBits);
        }
        long chunk = 1L << chunkBits;
        ByteBuffer[] chunks = new ByteBuffer[(int) Math.max(1, (size + chunk - 1) >>> chunkBits)];
        for (int i = 0; i < chunks.length; i++) {
            long start = i * chunk;
            chunks[i] = file.map(FileChannel.MapMode.READ_ONLY, start, Math.min(chunk, size - start));
        }
        return new FileBytes(chunks, chunkBits, size);
    }

    long size() {
        return size;
    }

    byte get(long at) {
        return chunks[(int) (at >>> chunkBits)].get((int) (at & chunkMask));
    }

    /** Copies {@code bytes[at..at+len)} into {@code dst[off..off+len)}. */
    void copy(long at, byte[] dst, int off, int len) {
        while (len > 0) {
            ByteBuffer chunk = chunks[(int) (at >>> chunkBits)];
            int in = (int) (at & chunkMask);
            int n = Math.min(len, chunk.limit() - in);
            chunk.get(in, dst, off, n);
            at += n;
            off += n;
            len -= n;
        }
    }
}
