package headwater.headend.source;

import headwater.media.ts.TsPacket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * Reads a TS file packet by packet through a direct buffer of 256 packets (47 KiB: at 5 Mbps one read of the file
 * every 75 ms, with no copy through a temporary buffer), skipping bytes until a sync byte when the file is not aligned.
 * A trailing partial packet is ignored.
 */
final class TsFileReader {
    private static final int PACKETS_PER_READ = 256;

    private final SeekableByteChannel file;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(PACKETS_PER_READ * TsPacket.SIZE);
    private long bytesSkipped;
    private boolean eof;

    TsFileReader(SeekableByteChannel file) {
        this.file = file;
        buffer.flip();
    }

    /**
     * Copies the next packet into {@code packet[0..188)}; false at the end of the file. A sync byte counts only when
     * another one follows 188 bytes later (or the file ends), so stray 0x47 bytes in garbage do not fake packets.
     */
    boolean next(byte[] packet) throws IOException {
        return next(packet, 0);
    }

    /** Like {@link #next(byte[])}, into {@code dst[off..off+188)}. */
    boolean next(byte[] dst, int off) throws IOException {
        while (true) {
            if (buffer.remaining() <= TsPacket.SIZE) {
                fill();
            }
            if (buffer.remaining() < TsPacket.SIZE) {
                return false;
            }
            int pos = buffer.position();
            if (buffer.get(pos) == TsPacket.SYNC_BYTE
                    && (buffer.remaining() == TsPacket.SIZE || buffer.get(pos + TsPacket.SIZE) == TsPacket.SYNC_BYTE)) {
                buffer.get(dst, off, TsPacket.SIZE);
                return true;
            }
            buffer.position(pos + 1);
            bytesSkipped++;
        }
    }

    private void fill() throws IOException {
        if (eof) {
            return;
        }
        buffer.compact();
        while (buffer.hasRemaining()) {
            if (file.read(buffer) < 0) {
                eof = true;
                break;
            }
        }
        buffer.flip();
    }

    /** Starts again from the beginning of the file. */
    void rewind() throws IOException {
        file.position(0);
        buffer.clear().flip();
        eof = false;
    }

    /** Bytes skipped to find sync bytes since this reader was made. */
    long bytesSkipped() {
        return bytesSkipped;
    }
}
