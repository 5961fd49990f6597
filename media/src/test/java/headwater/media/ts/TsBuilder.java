package headwater.media.ts;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Writes small synthetic transport streams for tests: PAT, PMT and PES packets with running continuity counters. */
final class TsBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int[] cc = new int[8192];

    byte[] bytes() {
        return out.toByteArray();
    }

    int packets() {
        return out.size() / 188;
    }

    TsBuilder pat(int program, int pmtPid) {
        byte[] body = {(byte) (program >> 8), (byte) program, (byte) (0xE0 | pmtPid >> 8), (byte) pmtPid};
        return section(0, 0x00, 1, body);
    }

    /** {@code streams}: pairs of stream_type, PID. The PCR is on the first stream. */
    TsBuilder pmt(int pmtPid, int program, int version, int... streams) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0xE0 | streams[1] >> 8);
        b.write(streams[1]);
        b.write(0xF0);
        b.write(0);
        for (int i = 0; i < streams.length; i += 2) {
            b.write(streams[i]);
            b.write(0xE0 | streams[i + 1] >> 8);
            b.write(streams[i + 1]);
            b.write(0xF0);
            b.write(0);
        }
        return section(pmtPid, 0x02, program, b.toByteArray(), version);
    }

    private TsBuilder section(int pid, int tableId, int idExtension, byte[] body) {
        return section(pid, tableId, idExtension, body, 0);
    }

    private TsBuilder section(int pid, int tableId, int idExtension, byte[] body, int version) {
        int length = 5 + body.length + 4;
        byte[] s = new byte[3 + length];
        s[0] = (byte) tableId;
        s[1] = (byte) (0xB0 | length >> 8);
        s[2] = (byte) length;
        s[3] = (byte) (idExtension >> 8);
        s[4] = (byte) idExtension;
        s[5] = (byte) (0xC1 | version << 1);
        System.arraycopy(body, 0, s, 8, body.length);
        int crc = Crc32Mpeg2.compute(s, 0, s.length - 4);
        for (int i = 0; i < 4; i++) {
            s[s.length - 4 + i] = (byte) (crc >>> (24 - 8 * i));
        }
        byte[] payload = new byte[s.length + 1];
        System.arraycopy(s, 0, payload, 1, s.length);
        return packets(pid, payload, false);
    }

    /** One PES with a PTS (and the DTS when {@code dts >= 0}), split into packets. */
    TsBuilder pes(int pid, long pts, long dts, boolean randomAccess, byte[] es) {
        boolean withDts = dts >= 0;
        byte[] header = new byte[withDts ? 19 : 14];
        header[2] = 1;
        header[3] = (byte) (pid == 0x100 ? 0xE0 : 0xC0);
        header[6] = (byte) 0x80;
        header[7] = (byte) (withDts ? 0xC0 : 0x80);
        header[8] = (byte) (withDts ? 10 : 5);
        timestamp(header, 9, withDts ? 3 : 2, pts);
        if (withDts) {
            timestamp(header, 14, 1, dts);
        }
        byte[] payload = Arrays.copyOf(header, header.length + es.length);
        System.arraycopy(es, 0, payload, header.length, es.length);
        return packets(pid, payload, randomAccess);
    }

    private static void timestamp(byte[] b, int at, int prefix, long ts) {
        b[at] = (byte) (prefix << 4 | ((ts >> 29) & 0x0E) | 1);
        b[at + 1] = (byte) (ts >> 22);
        b[at + 2] = (byte) (((ts >> 14) & 0xFE) | 1);
        b[at + 3] = (byte) (ts >> 7);
        b[at + 4] = (byte) (((ts << 1) & 0xFE) | 1);
    }

    /** Splits a payload into packets; the last one is padded with an adaptation field. */
    private TsBuilder packets(int pid, byte[] payload, boolean randomAccess) {
        int at = 0;
        boolean first = true;
        while (at < payload.length || first) {
            byte[] p = new byte[188];
            p[0] = 0x47;
            p[1] = (byte) ((first ? 0x40 : 0) | pid >> 8);
            p[2] = (byte) pid;
            int room = 184;
            boolean rai = first && randomAccess;
            int remaining = payload.length - at;
            int afLength = -1;
            if (rai || remaining < room) {
                afLength = Math.max(rai ? 1 : 0, room - 1 - remaining);
                room = 184 - 1 - afLength;
            }
            p[3] = (byte) ((afLength >= 0 ? 0x30 : 0x10) | (cc[pid]++ & 0x0F));
            int o = 4;
            if (afLength >= 0) {
                p[o++] = (byte) afLength;
                if (afLength > 0) {
                    p[o] = (byte) (rai ? 0x40 : 0);
                    Arrays.fill(p, o + 1, o + afLength, (byte) 0xFF);
                }
                o += afLength;
            }
            int n = Math.min(room, remaining);
            System.arraycopy(payload, at, p, o, n);
            at += n;
            out.writeBytes(p);
            first = false;
        }
        return this;
    }

    static byte[] annexB(String... nalsHex) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String n : nalsHex) {
            b.writeBytes(new byte[] {0, 0, 0, 1});
            b.writeBytes(java.util.HexFormat.of().parseHex(n));
        }
        return b.toByteArray();
    }
}
