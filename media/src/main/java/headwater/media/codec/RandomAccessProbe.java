package headwater.media.codec;

import java.util.Arrays;

/**
 * Decides whether a video access unit is a random access point by reading only the NAL units (or MPEG-2 start codes)
 * in front of its first picture data, fed in pieces as the transport packets arrive. On the way it picks up the
 * sequence parameter set and parses it when its bytes differ from the last one seen.
 *
 * <p>H.264: IDR slice (nal_unit_type 5), or a recovery point SEI followed by an I slice. H.265: IRAP picture
 * (nal_unit_type 16..23). MPEG-2: a sequence header followed by an I picture. One instance per video stream; it
 * allocates only when a new parameter set is parsed.
 */
public final class RandomAccessProbe {
    /** {@link #scan} return values. */
    public static final int UNDECIDED = 0;
    public static final int KEYFRAME = 1;
    public static final int NOT_KEYFRAME = 2;

    private static final int H264 = 1;
    private static final int H265 = 2;
    private static final int MPEG2 = 3;
    private static final int MAX_PARAMETER_SET = 4096;

    private final int syntax;
    private final byte[] header = new byte[8];
    private int headerLen;
    private int headerWanted;
    private int zeros;
    private boolean sawRecoveryPoint;
    private boolean sawSequenceHeader;
    private int decision;

    private final byte[] param = new byte[MAX_PARAMETER_SET];
    private int paramLen;
    private boolean collecting;
    private byte[] lastParam = new byte[0];
    private Object parsed;
    private boolean parsedChanged;

    private RandomAccessProbe(int syntax) {
        this.syntax = syntax;
    }

    public static RandomAccessProbe h264() {
        return new RandomAccessProbe(H264);
    }

    public static RandomAccessProbe h265() {
        return new RandomAccessProbe(H265);
    }

    public static RandomAccessProbe mpeg2() {
        return new RandomAccessProbe(MPEG2);
    }

    /** Starts a new access unit (a new PES); the last parameter set seen is remembered. */
    public void start() {
        headerLen = 0;
        headerWanted = 0;
        zeros = 0;
        sawRecoveryPoint = false;
        sawSequenceHeader = false;
        collecting = false;
        paramLen = 0;
        decision = UNDECIDED;
    }

    /** The decision so far: {@link #UNDECIDED}, {@link #KEYFRAME} or {@link #NOT_KEYFRAME}. */
    public int decision() {
        return decision;
    }

    /**
     * Reads elementary stream bytes {@code b[off .. end)} of the current access unit until the first picture decides.
     *
     * @return the decision; once decided, further calls return it without reading
     */
    public int scan(byte[] b, int off, int end) {
        if (decision != UNDECIDED) {
            return decision;
        }
        for (int i = off; i < end; i++) {
            int v = b[i] & 0xFF;
            if (collecting) {
                if (paramLen < MAX_PARAMETER_SET) {
                    param[paramLen++] = (byte) v;
                } else {
                    collecting = false; // too long to be a parameter set we can use; drop it
                }
            }
            if (v == 1 && zeros >= 2) {
                if (collecting) {
                    collecting = false;
                    finishParameterSet(paramLen - 1 - zeros);
                }
                zeros = 0;
                headerLen = 0;
                headerWanted = 1;
                continue;
            }
            zeros = v == 0 ? zeros + 1 : 0;
            if (headerWanted > 0) {
                header[headerLen++] = (byte) v;
                if (headerLen == headerWanted) {
                    headerWanted = 0;
                    decision = switch (syntax) {
                        case H264 -> h264Header();
                        case H265 -> h265Header();
                        default -> mpeg2Header();
                    };
                    if (decision != UNDECIDED) {
                        return decision;
                    }
                }
            }
        }
        return UNDECIDED;
    }

    /**
     * The parameter set parsed since the last call, if it changed: an {@link H264SequenceParameterSet},
     * {@link H265SequenceParameterSet} or {@link Mpeg2SequenceHeader}; null when nothing new was parsed.
     */
    public Object takeChangedParameterSet() {
        if (!parsedChanged) {
            return null;
        }
        parsedChanged = false;
        return parsed;
    }

    private int h264Header() {
        int type = header[0] & 0x1F;
        if (headerLen == 1) {
            switch (type) {
                case 5:
                    return KEYFRAME;
                case 1, 2, 3, 4:
                    if (!sawRecoveryPoint) {
                        return NOT_KEYFRAME;
                    }
                    headerWanted = 5;
                    return UNDECIDED;
                case 6:
                    headerWanted = 2;
                    return UNDECIDED;
                case 7:
                    beginParameterSet();
                    return UNDECIDED;
                default:
                    return UNDECIDED;
            }
        }
        if (type == 6) {
            if ((header[1] & 0xFF) == 6) { // first SEI message is a recovery point
                sawRecoveryPoint = true;
            }
            return UNDECIDED;
        }
        // A slice after a recovery point SEI: first_mb_in_slice ue(v), slice_type ue(v); I = 2 or 7, SI = 4 or 9.
        long bits = 0;
        for (int i = 1; i < 5; i++) {
            bits = (bits << 8) | (header[i] & 0xFF);
        }
        int pos = 0;
        int[] out = new int[1];
        pos = expGolomb(bits, pos, out);
        if (pos < 0) {
            return NOT_KEYFRAME;
        }
        pos = expGolomb(bits, pos, out);
        if (pos < 0) {
            return NOT_KEYFRAME;
        }
        int sliceType = out[0] % 5;
        return sliceType == 2 || sliceType == 4 ? KEYFRAME : NOT_KEYFRAME;
    }

    /** Reads ue(v) from the 32-bit window {@code bits} at bit {@code pos}; returns the new position or -1. */
    private static int expGolomb(long bits, int pos, int[] out) {
        int leading = 0;
        while (pos < 32 && ((bits >>> (31 - pos)) & 1) == 0) {
            leading++;
            pos++;
        }
        if (pos + 1 + leading > 32) {
            return -1;
        }
        pos++;
        long suffix = leading == 0 ? 0 : (bits >>> (32 - pos - leading)) & ((1L << leading) - 1);
        out[0] = (int) ((1L << leading) - 1 + suffix);
        return pos + leading;
    }

    private int h265Header() {
        int type = (header[0] >> 1) & 0x3F;
        if (type <= 31) {
            return type >= 16 && type <= 23 ? KEYFRAME : NOT_KEYFRAME;
        }
        if (type == 33) {
            beginParameterSet();
        }
        return UNDECIDED;
    }

    private int mpeg2Header() {
        int code = header[0] & 0xFF;
        if (headerLen == 1) {
            if (code == 0xB3) {
                sawSequenceHeader = true;
                collecting = true;
                paramLen = 0;
            } else if (code == 0x00) {
                headerWanted = 3;
            }
            return UNDECIDED;
        }
        int pictureCodingType = (header[2] >> 3) & 0x07;
        return sawSequenceHeader && pictureCodingType == 1 ? KEYFRAME : NOT_KEYFRAME;
    }

    private void beginParameterSet() {
        System.arraycopy(header, 0, param, 0, headerLen);
        paramLen = headerLen;
        collecting = true;
    }

    private void finishParameterSet(int len) {
        if (len <= 0 || Arrays.equals(param, 0, len, lastParam, 0, lastParam.length)) {
            return;
        }
        Object p = switch (syntax) {
            case H264 -> H264SequenceParameterSet.parse(param, 0, len);
            case H265 -> H265SequenceParameterSet.parse(param, 0, len);
            default -> Mpeg2SequenceHeader.parse(param, 0, len);
        };
        lastParam = Arrays.copyOf(param, len);
        if (p != null && !p.equals(parsed)) {
            parsed = p;
            parsedChanged = true;
        }
    }
}
