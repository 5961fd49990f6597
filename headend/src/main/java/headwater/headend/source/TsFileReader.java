package headwater.headend.source;

import headwater.media.ts.TsPacket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;

/**
 * Reads a TS file packet by packet through a buffer of 256 packets (47 KiB: at 5 Mbps one read of the file every 75 ms),
 * skipping bytes until a sync byte when the file is not aligned. A trailing partial packet is ignored.
 *
 * <p>The buffer is a heap array: the packet loop inspects and copies every packet, and array loads and
 * {@code System.arraycopy} cost less per packet than a direct buffer's checked accessors (the JDK copies each 47 KiB
 * read once from its per-carrier temporary direct buffer, a bulk copy every 75 ms).
 */
final class TsFileReader {
    private static final int PACKETS_PER_READ = 256;

    private final SeekableByteChannel file;
    private final byte[] data = new byte[PACKETS_PER_READ * TsPacket.SIZE];
    private final ByteBuffer window = ByteBuffer.wrap(data);
    private int pos;
    private int limit;
    private long bytesSkipped;
    private boolean eof;
    /** {@link #pos} is where the packet returned last ended: no byte was skipped since. */
    private boolean aligned;
    /** The continuity counter of the last packet with payload returned on each PID, or -1. */
    private final int[] lastCounter = new int[8192];

    TsFileReader(SeekableByteChannel file) {
        this.file = file;
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
            int remaining = limit - pos;
            if (remaining < 4 * TsPacket.SIZE) {
                fill();
                remaining = limit - pos;
            }
            if (remaining < TsPacket.SIZE) {
                return false;
            }
            byte[] d = data;
            int at = pos;
            if (d[at] == TsPacket.SYNC_BYTE
                    && (remaining == TsPacket.SIZE || d[at + TsPacket.SIZE] == TsPacket.SYNC_BYTE
                            || aligned && continuesAPid(at) && !confirmedSyncWithin(at))) {
                System.arraycopy(d, at, dst, off, TsPacket.SIZE);
                pos = at + TsPacket.SIZE;
                aligned = true;
                if ((d[at + 3] & 0x10) != 0) {
                    lastCounter[TsPacket.pid(d, at)] = d[at + 3] & 0x0F;
                }
                return true;
            }
            pos = at + 1;
            bytesSkipped++;
            aligned = false;
        }
    }

    /**
     * Whether the packet at {@code at} continues a PID seen before: the next continuity counter with a payload, the
     * same one without (an adaptation field alone, such as a PCR).
     */
    private boolean continuesAPid(int at) {
        int flags = data[at + 1] & 0xFF;
        int control = data[at + 3] & 0xFF;
        int pid = (flags & 0x1F) << 8 | data[at + 2] & 0xFF;
        int last = lastCounter[pid];
        int adaptation = control >> 4 & 0x03;
        if ((flags & 0x80) != 0 || adaptation == 0 || last < 0) {
            return false;
        }
        return (control & 0x0F) == ((adaptation & 0x01) != 0 ? (last + 1) & 0x0F : last);
    }

    /** Whether three sync bytes 188 apart (or up to the end of the data) start inside the packet at {@code at}. */
    private boolean confirmedSyncWithin(int at) {
        for (int q = at + 1; q < at + TsPacket.SIZE && q < limit; q++) {
            boolean confirmed = true;
            for (int k = 0; k < 3 && confirmed; k++) {
                int i = q + k * TsPacket.SIZE;
                confirmed = i >= limit ? k > 0 : data[i] == TsPacket.SYNC_BYTE;
            }
            if (confirmed) {
                return true;
            }
        }
        return false;
    }

    /** Moves the unread bytes to the front and reads until the buffer is full or the file ends. */
    private void fill() throws IOException {
        if (eof) {
            return;
        }
        int unread = limit - pos;
        System.arraycopy(data, pos, data, 0, unread);
        pos = 0;
        limit = unread;
        window.clear().position(limit);
        while (window.hasRemaining()) {
            if (file.read(window) < 0) {
                eof = true;
                break;
            }
        }
        limit = window.position();
    }

    /** Starts again from the beginning of the file. */
    void rewind() throws IOException {
        file.position(0);
        pos = 0;
        limit = 0;
        eof = false;
        aligned = false;
        Arrays.fill(lastCounter, -1);
    }

    /** Bytes skipped to find sync bytes since this reader was made. */
    long bytesSkipped() {
        return bytesSkipped;
    }
}
