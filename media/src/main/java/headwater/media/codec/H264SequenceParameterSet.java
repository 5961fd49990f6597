package headwater.media.codec;

import java.util.Locale;

/**
 * The parts of an H.264 sequence parameter set (ISO/IEC 14496-10 §7.3.2.1.1) that packaging needs.
 *
 * @param constraintFlags the byte holding constraint_set0..5_flag and the reserved bits, as in the codecs string
 * @param frameRate time_scale / (2 * num_units_in_tick) from the VUI, or 0 when the SPS carries no timing
 */
public record H264SequenceParameterSet(
        int profileIdc, int constraintFlags, int levelIdc, int chromaFormatIdc, int width, int height,
        boolean frameMbsOnly, double frameRate) {

    /** The RFC 6381 codecs value, {@code avc1.PPCCLL} in lowercase hex. */
    public String codecs() {
        return String.format(Locale.ROOT, "avc1.%02x%02x%02x", profileIdc, constraintFlags, levelIdc);
    }

    /**
     * Parses an SPS NAL unit, header byte included ({@code nal[off] & 0x1F == 7}), emulation prevention still in place.
     *
     * @return the SPS, or null when the bytes are not a well-formed SPS
     */
    public static H264SequenceParameterSet parse(byte[] nal, int off, int len) {
        if (len < 4 || (nal[off] & 0x1F) != 7) {
            return null;
        }
        BitReader r = new BitReader(nal, off + 1, len - 1);
        int profileIdc = r.u(8);
        int constraintFlags = r.u(8);
        int levelIdc = r.u(8);
        int spsId = r.ue();
        if (spsId > 31) {
            return null;
        }
        int chromaFormatIdc = 1;
        boolean separateColourPlane = false;
        if (hasChromaInfo(profileIdc)) {
            chromaFormatIdc = r.ue();
            if (chromaFormatIdc > 3) {
                return null;
            }
            if (chromaFormatIdc == 3) {
                separateColourPlane = r.flag();
            }
            r.ue(); // bit_depth_luma_minus8
            r.ue(); // bit_depth_chroma_minus8
            r.bit(); // qpprime_y_zero_transform_bypass_flag
            if (r.flag()) { // seq_scaling_matrix_present_flag
                int lists = chromaFormatIdc == 3 ? 12 : 8;
                for (int i = 0; i < lists && !r.overrun(); i++) {
                    if (r.flag()) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        r.ue(); // log2_max_frame_num_minus4
        int picOrderCntType = r.ue();
        if (picOrderCntType == 0) {
            r.ue(); // log2_max_pic_order_cnt_lsb_minus4
        } else if (picOrderCntType == 1) {
            r.bit(); // delta_pic_order_always_zero_flag
            r.se(); // offset_for_non_ref_pic
            r.se(); // offset_for_top_to_bottom_field
            int cycle = r.ue();
            if (cycle > 255) {
                return null;
            }
            for (int i = 0; i < cycle; i++) {
                r.se();
            }
        } else if (picOrderCntType != 2) {
            return null;
        }
        r.ue(); // max_num_ref_frames
        r.bit(); // gaps_in_frame_num_value_allowed_flag
        int widthInMbs = r.ue() + 1;
        int heightInMapUnits = r.ue() + 1;
        boolean frameMbsOnly = r.flag();
        if (!frameMbsOnly) {
            r.bit(); // mb_adaptive_frame_field_flag
        }
        r.bit(); // direct_8x8_inference_flag
        int cropLeft = 0;
        int cropRight = 0;
        int cropTop = 0;
        int cropBottom = 0;
        if (r.flag()) {
            cropLeft = r.ue();
            cropRight = r.ue();
            cropTop = r.ue();
            cropBottom = r.ue();
        }
        double frameRate = 0;
        if (r.flag()) {
            frameRate = vuiFrameRate(r);
        }
        if (r.overrun()) {
            return null;
        }
        int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
        int subWidthC = chromaFormatIdc == 3 ? 1 : 2;
        int subHeightC = chromaFormatIdc == 1 ? 2 : 1;
        int frameHeightFactor = frameMbsOnly ? 1 : 2;
        int cropUnitX = chromaArrayType == 0 ? 1 : subWidthC;
        int cropUnitY = chromaArrayType == 0 ? frameHeightFactor : subHeightC * frameHeightFactor;
        long width = (long) widthInMbs * 16 - (long) cropUnitX * ((long) cropLeft + cropRight);
        long height = (long) frameHeightFactor * heightInMapUnits * 16 - (long) cropUnitY * ((long) cropTop + cropBottom);
        if (width <= 0 || height <= 0 || width > 16384 || height > 16384) {
            return null;
        }
        return new H264SequenceParameterSet(profileIdc, constraintFlags, levelIdc, chromaFormatIdc, (int) width,
                (int) height, frameMbsOnly, frameRate);
    }

    private static boolean hasChromaInfo(int profileIdc) {
        return switch (profileIdc) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }

    private static void skipScalingList(BitReader r, int size) {
        int lastScale = 8;
        int nextScale = 8;
        for (int j = 0; j < size; j++) {
            if (nextScale != 0) {
                int delta = r.se();
                nextScale = (lastScale + delta + 256) % 256;
            }
            lastScale = nextScale == 0 ? lastScale : nextScale;
        }
    }

    private static double vuiFrameRate(BitReader r) {
        if (r.flag()) { // aspect_ratio_info_present_flag
            if (r.u(8) == 255) { // Extended_SAR
                r.skip(32);
            }
        }
        if (r.flag()) { // overscan_info_present_flag
            r.bit();
        }
        if (r.flag()) { // video_signal_type_present_flag
            r.skip(4);
            if (r.flag()) { // colour_description_present_flag
                r.skip(24);
            }
        }
        if (r.flag()) { // chroma_loc_info_present_flag
            r.ue();
            r.ue();
        }
        if (!r.flag()) { // timing_info_present_flag
            return 0;
        }
        long numUnitsInTick = r.bits(32);
        long timeScale = r.bits(32);
        if (numUnitsInTick == 0 || timeScale == 0 || r.overrun()) {
            return 0;
        }
        return timeScale / (2.0 * numUnitsInTick);
    }
}
