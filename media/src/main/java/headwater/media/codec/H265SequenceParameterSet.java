package headwater.media.codec;

/**
 * The parts of an H.265 sequence parameter set (ITU-T H.265 §7.3.2.2) that packaging needs: the general
 * profile_tier_level for the codecs string and the picture size with its conformance window.
 *
 * @param compatibilityFlags general_profile_compatibility_flag[0..31], flag 0 in the most significant bit
 * @param constraintFlags the 48 bits from general_progressive_source_flag to general_inbld_flag/reserved bit
 * @param frameRate time_scale / num_units_in_tick from the VUI, or 0 when the SPS carries no timing
 */
public record H265SequenceParameterSet(
        int profileSpace, boolean highTier, int profileIdc, long compatibilityFlags, long constraintFlags,
        int levelIdc, int chromaFormatIdc, int width, int height, double frameRate) {

    /**
     * The codecs value per ISO/IEC 14496-15 Annex E, e.g. {@code hvc1.1.6.L93.B0}: profile space letter and profile,
     * the compatibility flags in reverse bit order as hex, tier and level, then the constraint bytes with trailing zero
     * bytes left out.
     */
    public String codecs() {
        StringBuilder s = new StringBuilder("hvc1.");
        if (profileSpace > 0) {
            s.append((char) ('A' + profileSpace - 1));
        }
        s.append(profileIdc).append('.');
        s.append(Long.toHexString(Integer.toUnsignedLong(Integer.reverse((int) compatibilityFlags))).toUpperCase(java.util.Locale.ROOT));
        s.append('.').append(highTier ? 'H' : 'L').append(levelIdc);
        int last = -1;
        for (int i = 0; i < 6; i++) {
            if (((constraintFlags >>> (40 - 8 * i)) & 0xFF) != 0) {
                last = i;
            }
        }
        for (int i = 0; i <= last; i++) {
            int b = (int) ((constraintFlags >>> (40 - 8 * i)) & 0xFF);
            s.append('.').append(Integer.toHexString(b).toUpperCase(java.util.Locale.ROOT));
        }
        return s.toString();
    }

    /**
     * Parses an SPS NAL unit, its two header bytes included ({@code nal_unit_type} 33), emulation prevention in place.
     *
     * @return the SPS, or null when the bytes are not a well-formed SPS
     */
    public static H265SequenceParameterSet parse(byte[] nal, int off, int len) {
        if (len < 15 || ((nal[off] >> 1) & 0x3F) != 33) {
            return null;
        }
        BitReader r = new BitReader(nal, off + 2, len - 2);
        r.skip(4); // sps_video_parameter_set_id
        int maxSubLayersMinus1 = r.u(3);
        r.bit(); // sps_temporal_id_nesting_flag
        int profileSpace = r.u(2);
        boolean highTier = r.flag();
        int profileIdc = r.u(5);
        long compatibility = r.bits(32);
        long constraints = r.bits(48);
        int levelIdc = r.u(8);
        boolean[] subProfile = new boolean[maxSubLayersMinus1];
        boolean[] subLevel = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            subProfile[i] = r.flag();
            subLevel[i] = r.flag();
        }
        if (maxSubLayersMinus1 > 0) {
            r.skip(2L * (8 - maxSubLayersMinus1)); // reserved_zero_2bits
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            if (subProfile[i]) {
                r.skip(88);
            }
            if (subLevel[i]) {
                r.skip(8);
            }
        }
        int spsId = r.ue();
        int chromaFormatIdc = r.ue();
        if (spsId > 15 || chromaFormatIdc > 3) {
            return null;
        }
        if (chromaFormatIdc == 3) {
            r.bit(); // separate_colour_plane_flag
        }
        long width = r.ue();
        long height = r.ue();
        if (r.flag()) { // conformance_window_flag
            int subWidthC = chromaFormatIdc == 1 || chromaFormatIdc == 2 ? 2 : 1;
            int subHeightC = chromaFormatIdc == 1 ? 2 : 1;
            long left = r.ue();
            long right = r.ue();
            long top = r.ue();
            long bottom = r.ue();
            width -= subWidthC * (left + right);
            height -= subHeightC * (top + bottom);
        }
        if (r.overrun() || width <= 0 || height <= 0 || width > 16888 || height > 16888) {
            return null;
        }
        double frameRate = frameRate(r, maxSubLayersMinus1);
        return new H265SequenceParameterSet(profileSpace, highTier, profileIdc, compatibility, constraints, levelIdc,
                chromaFormatIdc, (int) width, (int) height, frameRate);
    }

    /** Reads on from bit_depth_luma_minus8 to the VUI timing; 0 when absent or when the syntax does not add up. */
    private static double frameRate(BitReader r, int maxSubLayersMinus1) {
        r.ue(); // bit_depth_luma_minus8
        r.ue(); // bit_depth_chroma_minus8
        int log2MaxPocLsb = r.ue() + 4;
        boolean subLayerOrdering = r.flag();
        for (int i = subLayerOrdering ? 0 : maxSubLayersMinus1; i <= maxSubLayersMinus1; i++) {
            r.ue(); // sps_max_dec_pic_buffering_minus1
            r.ue(); // sps_max_num_reorder_pics
            r.ue(); // sps_max_latency_increase_plus1
        }
        for (int i = 0; i < 6; i++) {
            r.ue(); // coding block and transform block sizes, transform hierarchy depths
        }
        if (r.flag() && r.flag()) { // scaling_list_enabled_flag, sps_scaling_list_data_present_flag
            skipScalingListData(r);
        }
        r.bit(); // amp_enabled_flag
        r.bit(); // sample_adaptive_offset_enabled_flag
        if (r.flag()) { // pcm_enabled_flag
            r.skip(8);
            r.ue();
            r.ue();
            r.bit();
        }
        int sets = r.ue();
        if (sets > 64) {
            return 0;
        }
        int[] deltaPocs = new int[sets];
        for (int i = 0; i < sets && !r.overrun(); i++) {
            if (i != 0 && r.flag()) { // inter_ref_pic_set_prediction_flag
                r.bit(); // delta_rps_sign
                r.ue(); // abs_delta_rps_minus1
                int count = 0;
                for (int j = 0; j <= deltaPocs[i - 1]; j++) {
                    boolean used = r.flag();
                    if (used || r.flag()) { // used_by_curr_pic_flag, use_delta_flag
                        count++;
                    }
                }
                deltaPocs[i] = count;
            } else {
                int negative = r.ue();
                int positive = r.ue();
                if (negative > 16 || positive > 16) {
                    return 0;
                }
                for (int j = 0; j < negative + positive; j++) {
                    r.ue(); // delta_poc_s0/s1_minus1
                    r.bit(); // used_by_curr_pic_s0/s1_flag
                }
                deltaPocs[i] = negative + positive;
            }
        }
        if (r.flag()) { // long_term_ref_pics_present_flag
            int lt = r.ue();
            if (lt > 32) {
                return 0;
            }
            for (int i = 0; i < lt; i++) {
                r.skip(log2MaxPocLsb + 1L);
            }
        }
        r.bit(); // sps_temporal_mvp_enabled_flag
        r.bit(); // strong_intra_smoothing_enabled_flag
        if (!r.flag()) { // vui_parameters_present_flag
            return 0;
        }
        if (r.flag() && r.u(8) == 255) { // aspect_ratio_info_present_flag, Extended_SAR
            r.skip(32);
        }
        if (r.flag()) { // overscan_info_present_flag
            r.bit();
        }
        if (r.flag()) { // video_signal_type_present_flag
            r.skip(4);
            if (r.flag()) {
                r.skip(24);
            }
        }
        if (r.flag()) { // chroma_loc_info_present_flag
            r.ue();
            r.ue();
        }
        r.skip(3); // neutral_chroma_indication_flag, field_seq_flag, frame_field_info_present_flag
        if (r.flag()) { // default_display_window_flag
            r.ue();
            r.ue();
            r.ue();
            r.ue();
        }
        if (!r.flag()) { // vui_timing_info_present_flag
            return 0;
        }
        long numUnitsInTick = r.bits(32);
        long timeScale = r.bits(32);
        if (r.overrun() || numUnitsInTick == 0 || timeScale == 0) {
            return 0;
        }
        return timeScale / (double) numUnitsInTick;
    }

    private static void skipScalingListData(BitReader r) {
        for (int sizeId = 0; sizeId < 4; sizeId++) {
            for (int matrixId = 0; matrixId < 6; matrixId += sizeId == 3 ? 3 : 1) {
                if (!r.flag()) { // scaling_list_pred_mode_flag
                    r.ue(); // scaling_list_pred_matrix_id_delta
                } else {
                    int coefficients = Math.min(64, 1 << (4 + (sizeId << 1)));
                    if (sizeId > 1) {
                        r.se(); // scaling_list_dc_coef_minus8
                    }
                    for (int i = 0; i < coefficients && !r.overrun(); i++) {
                        r.se(); // scaling_list_delta_coef
                    }
                }
            }
        }
    }
}
