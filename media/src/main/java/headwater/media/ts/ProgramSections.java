package headwater.media.ts;

import java.util.ArrayList;
import java.util.List;

/** Reads the two PSI tables the demuxer follows: the program association and the program map (§2.4.4.3, §2.4.4.8). */
final class ProgramSections {
    static final int PAT_TABLE_ID = 0x00;
    static final int PMT_TABLE_ID = 0x02;
    /** Returned by {@link #pmtPidOf} when the PAT does not list the program. */
    static final int NONE = -1;

    private ProgramSections() {}

    /** Whether the section has the long syntax and current_next_indicator = 1 (applies now). */
    static boolean current(byte[] s, int len, int tableId) {
        return len >= 12 && (s[0] & 0xFF) == tableId && (s[1] & 0x80) != 0 && (s[5] & 0x01) != 0;
    }

    /**
     * The PMT PID and program number to follow from a PAT section: {@code wanted} when non-zero, else the first
     * program that is not the network PID. Packed as {@code programNumber << 16 | pid}, or {@link #NONE}.
     */
    static int pmtPidOf(byte[] s, int len, int wanted) {
        for (int p = 8; p + 4 <= len - 4; p += 4) {
            int program = ((s[p] & 0xFF) << 8) | (s[p + 1] & 0xFF);
            int pid = ((s[p + 2] & 0x1F) << 8) | (s[p + 3] & 0xFF);
            if (program != 0 && (wanted == 0 || wanted == program)) {
                return program << 16 | pid;
            }
        }
        return NONE;
    }

    static int programNumber(byte[] s) {
        return ((s[3] & 0xFF) << 8) | (s[4] & 0xFF);
    }

    static int version(byte[] s) {
        return (s[5] >> 1) & 0x1F;
    }

    /** Parses a current PMT section; null when its loops run past the section. */
    static ProgramMapTable parsePmt(byte[] s, int len, int pid) {
        int end = len - 4; // CRC
        int pcrPid = ((s[8] & 0x1F) << 8) | (s[9] & 0xFF);
        int programInfoLength = ((s[10] & 0x0F) << 8) | (s[11] & 0xFF);
        int p = 12 + programInfoLength;
        if (p > end) {
            return null;
        }
        List<ElementaryStream> streams = new ArrayList<>();
        while (p + 5 <= end) {
            int streamType = s[p] & 0xFF;
            int esPid = ((s[p + 1] & 0x1F) << 8) | (s[p + 2] & 0xFF);
            int infoLength = ((s[p + 3] & 0x0F) << 8) | (s[p + 4] & 0xFF);
            int d = p + 5;
            if (d + infoLength > end) {
                return null;
            }
            streams.add(new ElementaryStream(esPid, streamType, codecOf(streamType, s, d, d + infoLength),
                    language(s, d, d + infoLength), java.util.Arrays.copyOfRange(s, d, d + infoLength)));
            p = d + infoLength;
        }
        return new ProgramMapTable(programNumber(s), pid, pcrPid, version(s), streams);
    }

    /** The codec a stream_type implies, with the ES descriptors deciding for private data (0x06). */
    static Codec codecOf(int streamType, byte[] s, int from, int to) {
        switch (streamType) {
            case 0x1B: return Codec.H264;
            case 0x24: return Codec.H265;
            case 0x01, 0x02: return Codec.MPEG2_VIDEO;
            case 0x0F: return Codec.AAC;
            case 0x03, 0x04: return Codec.MPEG_AUDIO;
            case 0x81: return Codec.AC3;
            case 0x87: return Codec.EAC3;
            case 0x86: return Codec.SCTE35;
            case 0x15: return Codec.ID3;
            case 0x06: break;
            default: return registered(s, from, to);
        }
        for (int d = from; d + 2 <= to; d += 2 + (s[d + 1] & 0xFF)) {
            int tag = s[d] & 0xFF;
            switch (tag) {
                case 0x6A: return Codec.AC3;
                case 0x7A: return Codec.EAC3;
                case 0x56: return Codec.TELETEXT;
                case 0x59: return Codec.DVB_SUBTITLE;
                default: break;
            }
        }
        return registered(s, from, to);
    }

    /** Registration descriptor (tag 0x05) format_identifier: 'AC-3', 'EAC3', 'HEVC', 'ID3 '. */
    private static Codec registered(byte[] s, int from, int to) {
        for (int d = from; d + 2 <= to; d += 2 + (s[d + 1] & 0xFF)) {
            int length = s[d + 1] & 0xFF;
            if ((s[d] & 0xFF) == 0x05 && length >= 4 && d + 6 <= to) {
                int id = ((s[d + 2] & 0xFF) << 24) | ((s[d + 3] & 0xFF) << 16) | ((s[d + 4] & 0xFF) << 8) | (s[d + 5] & 0xFF);
                switch (id) {
                    case 0x41432D33: return Codec.AC3; // "AC-3"
                    case 0x45414333: return Codec.EAC3; // "EAC3"
                    case 0x48455643: return Codec.H265; // "HEVC"
                    case 0x49443320: return Codec.ID3; // "ID3 "
                    default: break;
                }
            }
        }
        return Codec.UNKNOWN;
    }

    /** ISO 639 language descriptor (tag 0x0A): the first three-letter code, or "". */
    static String language(byte[] s, int from, int to) {
        for (int d = from; d + 2 <= to; d += 2 + (s[d + 1] & 0xFF)) {
            if ((s[d] & 0xFF) == 0x0A && (s[d + 1] & 0xFF) >= 4 && d + 5 <= to) {
                StringBuilder code = new StringBuilder(3);
                for (int i = 0; i < 3; i++) {
                    int c = s[d + 2 + i] & 0xFF;
                    if (c < 0x20 || c > 0x7E) {
                        return "";
                    }
                    code.append((char) c);
                }
                return code.toString();
            }
        }
        return "";
    }
}
