package headwater.headend.source;

import headwater.media.ts.TsPacket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;

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
    /** The buffer's position is where the packet returned last ended: no byte was skipped since. */
    private boolean aligned;
    /** The continuity counter of the last packet with payload returned on each PID, or -1. */
    private final int[] lastCounter = new int[8192];

    TsFileReader(SeekableByteChannel file) {
        this.file = file;
        buffer.flip();
        Arrays.fill(lastCounter, -1);
    }

    /**
     * Copies the next packet into {@code packet[0..188)}; false at the end of the file. A sync byte counts only when
     * another one follows 188 bytes later (or the file ends), so stray 0x47 bytes in garbage do not fake packets.
     *
     * <p>The last packet before garbage has no sync byte after it, yet it is whole: it counts when it follows the
     * previous packet without a gap, continues a PID already seen with the next continuity counter, and no confirmed
     * sync (three sync bytes 188 apart) starts inside it (a packet cut short is followed by the next one inside its
     * 188 bytes). So garbage between packets costs no packet.
     */
    boolean next(byte[] packet) throws IOException {
        return next(packet, 0);
    }

    /** Like {@link #next(byte[])}, into {@code dst[off..off+188)}. */
    boolean next(byte[] dst, int off) throws IOException {
        while (true) {
            if (buffer.remaining() < 4 * TsPacket.SIZE) {
                fill();
            }
            if (buffer.remaining() < TsPacket.SIZE) {
                return false;
            }
            int pos = buffer.position();
            if (buffer.get(pos) == TsPacket.SYNC_BYTE
                    && (buffer.remaining() == TsPacket.SIZE || buffer.get(pos + TsPacket.SIZE) == TsPacket.SYNC_BYTE
                            || aligned && continuesAPid(pos) && !confirmedSyncWithin(pos))) {
                buffer.get(dst, off, TsPacket.SIZE);
                aligned = true;
                int pid = TsPacket.pid(dst, off);
                if ((dst[off + 3] & 0x10) != 0) {
                    lastCounter[pid] = dst[off + 3] & 0x0F;
                }
                return true;
            }
            buffer.position(pos + 1);
            bytesSkipped++;
            aligned = false;
        }
    }

    /**
     * Whether the packet at {@code pos} continues a PID seen before: the next continuity counter with a payload, the
     * same one without (an adaptation field alone, such as a PCR).
     */
    private boolean continuesAPid(int pos) {
        int flags = buffer.get(pos + 1) & 0xFF;
        int control = buffer.get(pos + 3) & 0xFF;
        int pid = (flags & 0x1F) << 8 | buffer.get(pos + 2) & 0xFF;
        int last = lastCounter[pid];
        int adaptation = control >> 4 & 0x03;
        if ((flags & 0x80) != 0 || adaptation == 0 || last < 0) {
            return false;
        }
        return (control & 0x0F) == ((adaptation & 0x01) != 0 ? (last + 1) & 0x0F : last);
    }

    /** Whether three sync bytes 188 apart (or up to the end of the data) start inside the packet at {@code pos}. */
    private boolean confirmedSyncWithin(int pos) {
        int end = buffer.limit();
        for (int q = pos + 1; q < pos + TsPacket.SIZE && q < end; q++) {
            boolean confirmed = true;
            for (int k = 0; k < 3 && confirmed; k++) {
                int at = q + k * TsPacket.SIZE;
                confirmed = at >= end ? k > 0 : buffer.get(at) == TsPacket.SYNC_BYTE;
            }
            if (confirmed) {
                return true;
            }
        }
        return false;
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
        aligned = false;
        Arrays.fill(lastCounter, -1);
    }

    /** Bytes skipped to find sync bytes since this reader was made. */
    long bytesSkipped() {
        return bytesSkipped;
    }
}
