package headwater.media.ts;

import java.util.Arrays;

/**
 * Writes a program association table and a program map table (ISO/IEC 13818-1 §2.4.4.3, §2.4.4.8) as whole 188-byte
 * transport packets, for the start of every HLS segment.
 *
 * <p>The sections are built once per {@link #program(ProgramMapTable)} call; {@link #write} then only copies them and
 * stamps this writer's own continuity counters for PID 0 and the PMT PID, so the packets it writes stay continuous
 * across segments whatever the source did. The version numbers are ours too: they change whenever the section content
 * changes, so a decoder that reads the segments back to back (or a source switch with the same upstream version)
 * always sees the new table.
 *
 * <p>A PMT section longer than one packet is split across packets; if the stream descriptors would make it longer than
 * a section may be (1021 bytes after {@code section_length}), the descriptors are left out rather than failing.
 */
public final class ProgramTableWriter {
    /** transport_stream_id written in the PAT. */
    public static final int TRANSPORT_STREAM_ID = 1;

    private static final int MAX_SECTION_LENGTH = 1021;
    private static final int PAYLOAD = TsPacket.SIZE - 4;

    private byte[] pat = new byte[0];
    private byte[] pmt = new byte[0];
    private byte[] lastPatSection = new byte[0];
    private byte[] lastPmtSection = new byte[0];
    private int patVersion = -1;
    private int pmtVersion = -1;
    private int pmtPid = -1;
    private int patCc;
    private int pmtCc;
    private boolean descriptorsDropped;

    /**
     * Sets the program the next {@link #write} describes. Returns whether the tables changed (and so took a new
     * version number).
     */
    public boolean program(ProgramMapTable table) {
        int pid = table.pid();
        if (pid <= 0 || pid >= TsPacket.NULL_PID) {
            throw new IllegalArgumentException("PMT PID " + pid + " of program " + table.programNumber()
                    + " is outside 1..8190");
        }
        byte[] patSection = patSection(table.programNumber(), pid, 0);
        byte[] pmtSection = pmtSection(table, 0, true);
        descriptorsDropped = false;
        if (pmtSection.length - 3 > MAX_SECTION_LENGTH) {
            pmtSection = pmtSection(table, 0, false);
            descriptorsDropped = true;
        }
        boolean patChanged = !Arrays.equals(patSection, lastPatSection);
        boolean pmtChanged = !Arrays.equals(pmtSection, lastPmtSection) || pid != pmtPid;
        if (patChanged) {
            patVersion = (patVersion + 1) & 0x1F;
            lastPatSection = patSection;
            pat = packets(TsPacket.PAT_PID, withVersionAndCrc(patSection, patVersion));
        }
        if (pmtChanged) {
            pmtVersion = (pmtVersion + 1) & 0x1F;
            lastPmtSection = pmtSection;
            pmt = packets(pid, withVersionAndCrc(pmtSection, pmtVersion));
        }
        pmtPid = pid;
        return patChanged || pmtChanged;
    }

    /** The PID the PMT is written on, or -1 before {@link #program}. */
    public int pmtPid() {
        return pmtPid;
    }

    /** Bytes one {@link #write} produces: a multiple of 188; 0 before {@link #program}. */
    public int size() {
        return pat.length + pmt.length;
    }

    /** Whether the last program's stream descriptors had to be left out to fit one section. */
    public boolean descriptorsDropped() {
        return descriptorsDropped;
    }

    /**
     * Writes the PAT packet and the PMT packet(s) at {@code dst[off]} and advances the continuity counters.
     *
     * @return the number of bytes written, {@link #size()}
     */
    public int write(byte[] dst, int off) {
        int n = 0;
        for (int p = 0; p < pat.length; p += TsPacket.SIZE, n += TsPacket.SIZE) {
            System.arraycopy(pat, p, dst, off + n, TsPacket.SIZE);
            TsPacket.setContinuityCounter(dst, off + n, patCc);
            patCc = (patCc + 1) & 0x0F;
        }
        for (int p = 0; p < pmt.length; p += TsPacket.SIZE, n += TsPacket.SIZE) {
            System.arraycopy(pmt, p, dst, off + n, TsPacket.SIZE);
            TsPacket.setContinuityCounter(dst, off + n, pmtCc);
            pmtCc = (pmtCc + 1) & 0x0F;
        }
        return n;
    }

    /** A section without CRC, version 0: table_id .. last byte before CRC_32. */
    private static byte[] patSection(int programNumber, int pmtPid, int version) {
        byte[] s = new byte[12];
        int sectionLength = s.length - 3 + 4;
        s[0] = 0x00;
        s[1] = (byte) (0xB0 | (sectionLength >> 8));
        s[2] = (byte) sectionLength;
        s[3] = (byte) (TRANSPORT_STREAM_ID >> 8);
        s[4] = (byte) TRANSPORT_STREAM_ID;
        s[5] = (byte) (0xC1 | (version << 1));
        s[6] = 0;
        s[7] = 0;
        s[8] = (byte) (programNumber >> 8);
        s[9] = (byte) programNumber;
        s[10] = (byte) (0xE0 | (pmtPid >> 8));
        s[11] = (byte) pmtPid;
        return s;
    }

    private static byte[] pmtSection(ProgramMapTable table, int version, boolean withDescriptors) {
        int length = 12;
        for (ElementaryStream es : table.streams()) {
            length += 5 + (withDescriptors ? es.descriptors().length : 0);
        }
        byte[] s = new byte[length];
        int sectionLength = length - 3 + 4;
        int pcrPid = table.pcrPid() >= 0 && table.pcrPid() <= TsPacket.NULL_PID ? table.pcrPid() : TsPacket.NULL_PID;
        s[0] = 0x02;
        s[1] = (byte) (0xB0 | ((sectionLength >> 8) & 0x0F));
        s[2] = (byte) sectionLength;
        s[3] = (byte) (table.programNumber() >> 8);
        s[4] = (byte) table.programNumber();
        s[5] = (byte) (0xC1 | (version << 1));
        s[6] = 0;
        s[7] = 0;
        s[8] = (byte) (0xE0 | (pcrPid >> 8));
        s[9] = (byte) pcrPid;
        s[10] = (byte) 0xF0;
        s[11] = 0;
        int p = 12;
        for (ElementaryStream es : table.streams()) {
            byte[] d = withDescriptors ? es.descriptors() : new byte[0];
            s[p++] = (byte) es.streamType();
            s[p++] = (byte) (0xE0 | (es.pid() >> 8));
            s[p++] = (byte) es.pid();
            s[p++] = (byte) (0xF0 | ((d.length >> 8) & 0x0F));
            s[p++] = (byte) d.length;
            System.arraycopy(d, 0, s, p, d.length);
            p += d.length;
        }
        return s;
    }

    private static byte[] withVersionAndCrc(byte[] section, int version) {
        byte[] s = Arrays.copyOf(section, section.length + 4);
        s[5] = (byte) ((s[5] & 0xC1) | (version << 1));
        int crc = Crc32Mpeg2.compute(s, 0, section.length);
        s[section.length] = (byte) (crc >>> 24);
        s[section.length + 1] = (byte) (crc >>> 16);
        s[section.length + 2] = (byte) (crc >>> 8);
        s[section.length + 3] = (byte) crc;
        return s;
    }

    /** Packetises one section: pointer_field 0 in the first packet, 0xFF stuffing after the section. */
    private static byte[] packets(int pid, byte[] section) {
        int total = section.length + 1;
        int count = (total + PAYLOAD - 1) / PAYLOAD;
        byte[] out = new byte[count * TsPacket.SIZE];
        Arrays.fill(out, (byte) 0xFF);
        int src = 0;
        for (int i = 0; i < count; i++) {
            int o = i * TsPacket.SIZE;
            out[o] = TsPacket.SYNC_BYTE;
            out[o + 1] = (byte) ((i == 0 ? 0x40 : 0x00) | (pid >> 8));
            out[o + 2] = (byte) pid;
            out[o + 3] = 0x10;
            int p = o + 4;
            if (i == 0) {
                out[p++] = 0;
            }
            int n = Math.min(section.length - src, o + TsPacket.SIZE - p);
            System.arraycopy(section, src, out, p, n);
            src += n;
        }
        return out;
    }
}
