package headwater.headend.source;

import headwater.media.ts.TsPacket;
import java.util.Arrays;

/**
 * Reads a TS file packet by packet from its bytes in memory ({@link FileBytes}: mapped by {@link MappedFiles}),
 * skipping bytes until a sync byte when the file is not aligned. A trailing partial packet is ignored.
 *
 * <p>A mapped file costs no system call and no copy into a buffer of ours: each packet is copied once, from the page
 * cache straight into the caller's array. Reading a file through {@code read(2)} instead cost a system call and two
 * copies of every byte (the kernel's into the JDK's direct buffer, the JDK's into ours) before that one.
 */
final class TsFileReader {
    private final FileBytes data;
    private final long limit;
    private long pos;
    private long bytesSkipped;
    /** {@link #pos} is where the packet returned last ended: no byte was skipped since. */
    private boolean aligned;
    /** The continuity counter of the last packet with payload returned on each PID, or -1. */
    private final int[] lastCounter = new int[8192];

    /** @param data the whole file; it must stay readable while this reader is used */
    TsFileReader(FileBytes data) {
        this.data = data;
        this.limit = data.size();
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
    boolean next(byte[] packet) {
        return next(packet, 0);
    }

    /** Like {@link #next(byte[])}, into {@code dst[off..off+188)}. */
    boolean next(byte[] dst, int off) {
        FileBytes d = data;
        while (true) {
            long at = pos;
            long remaining = limit - at;
            if (remaining < TsPacket.SIZE) {
                return false;
            }
            if (d.get(at) == TsPacket.SYNC_BYTE
                    && (remaining == TsPacket.SIZE || d.get(at + TsPacket.SIZE) == TsPacket.SYNC_BYTE
                            || aligned && continuesAPid(at) && !confirmedSyncWithin(at))) {
                d.copy(at, dst, off, TsPacket.SIZE);
                consume(dst[off + 1], dst[off + 2], dst[off + 3]);
                return true;
            }
            pos = at + 1;
            bytesSkipped++;
            aligned = false;
        }
    }

    /**
     * Copies into {@code dst[off..)} up to {@code max} packets from the current position, as one block, and returns
     * how many of them {@link #next} would return one after the other: each starts with a sync byte and is followed by
     * another (or by the end of the file). 0 when the next packet needs {@link #next}'s care (garbage, a gap, the end).
     * Nothing is consumed: {@link #consume} each packet taken, in order; the bytes copied beyond are left unused.
     */
    int peekRun(byte[] dst, int off, int max) {
        long at = pos;
        int k = (int) Math.min(max, (limit - at) / TsPacket.SIZE);
        if (k <= 0) {
            return 0;
        }
        data.copy(at, dst, off, k * TsPacket.SIZE);
        int i = 0;
        for (int q = off; i < k; i++, q += TsPacket.SIZE) {
            if (dst[q] != TsPacket.SYNC_BYTE) {
                break;
            }
            if (i + 1 == k) {
                long after = at + (long) k * TsPacket.SIZE;
                if (after != limit && data.get(after) != TsPacket.SYNC_BYTE) {
                    break;
                }
            } else if (dst[q + TsPacket.SIZE] != TsPacket.SYNC_BYTE) {
                break;
            }
        }
        return i;
    }

    /**
     * Takes the packet at the current position (of a {@link #peekRun}, or the one {@link #next} found), whose header
     * bytes 1 to 3 (as read, before any rewriting) are {@code b1}, {@code b2} and {@code b3}.
     */
    void consume(byte b1, byte b2, byte b3) {
        pos += TsPacket.SIZE;
        aligned = true;
        if ((b3 & 0x10) != 0) {
            lastCounter[(b1 & 0x1F) << 8 | b2 & 0xFF] = b3 & 0x0F;
        }
    }

    /**
     * Whether the packet at {@code at} continues a PID seen before: the next continuity counter with a payload, the
     * same one without (an adaptation field alone, such as a PCR).
     */
    private boolean continuesAPid(long at) {
        int flags = data.get(at + 1) & 0xFF;
        int control = data.get(at + 3) & 0xFF;
        int pid = (flags & 0x1F) << 8 | data.get(at + 2) & 0xFF;
        int last = lastCounter[pid];
        int adaptation = control >> 4 & 0x03;
        if ((flags & 0x80) != 0 || adaptation == 0 || last < 0) {
            return false;
        }
        return (control & 0x0F) == ((adaptation & 0x01) != 0 ? (last + 1) & 0x0F : last);
    }

    /** Whether three sync bytes 188 apart (or up to the end of the data) start inside the packet at {@code at}. */
    private boolean confirmedSyncWithin(long at) {
        for (long q = at + 1; q < at + TsPacket.SIZE && q < limit; q++) {
            boolean confirmed = true;
            for (int k = 0; k < 3 && confirmed; k++) {
                long i = q + k * TsPacket.SIZE;
                confirmed = i >= limit ? k > 0 : data.get(i) == TsPacket.SYNC_BYTE;
            }
            if (confirmed) {
                return true;
            }
        }
        return false;
    }

    /** Starts again from the beginning of the file. */
    void rewind() {
        pos = 0;
        aligned = false;
        Arrays.fill(lastCounter, -1);
    }

    /** Bytes skipped to find sync bytes since this reader was made. */
    long bytesSkipped() {
        return bytesSkipped;
    }
}
