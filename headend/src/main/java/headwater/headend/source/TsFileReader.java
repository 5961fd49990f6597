package headwater.headend.source;

import headwater.media.ts.TsPacket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a TS file packet by packet through a small buffer (64 packets, 12 KiB), skipping bytes until a sync byte
 * when the file is not aligned. A trailing partial packet is ignored.
 */
final class TsFileReader {
    private static final int PACKETS_PER_READ = 64;

    private final FileChannel file;
    private final ByteBuffer buffer = ByteBuffer.allocate(PACKETS_PER_READ * TsPacket.SIZE);
    private long bytesSkipped;
    private boolean eof;

    TsFileReader(FileChannel file) {
        this.file = file;
        buffer.flip();
    }

    /** Copies the next packet into {@code packet[0..188)}; false at the end of the file. */
    boolean next(byte[] packet) throws IOException {
        while (true) {
            if (buffer.remaining() < TsPacket.SIZE && !fill()) {
                return false;
            }
            if (buffer.get(buffer.position()) == TsPacket.SYNC_BYTE) {
                buffer.get(packet, 0, TsPacket.SIZE);
                return true;
            }
            buffer.position(buffer.position() + 1);
            bytesSkipped++;
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        buffer.compact();
        while (buffer.hasRemaining()) {
            if (file.read(buffer) < 0) {
                eof = true;
                break;
            }
        }
        buffer.flip();
        return buffer.remaining() >= TsPacket.SIZE;
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
