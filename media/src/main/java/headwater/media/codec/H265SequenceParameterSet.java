package headwater.media.codec;

/**
 * The parts of an H.265 sequence parameter set (ITU-T H.265 §7.3.2.2) that packaging needs: the general
 * profile_tier_level for the codecs string and the picture size with its conformance window.
 *
 * @param compatibilityFlags general_profile_compatibility_flag[0..31], flag 0 in the most significant bit
 * @param constraintFlags the 48 bits from general_progressive_source_flag to general_inbld_flag/reserved bit
 */
public record H265SequenceParameterSet(
        int profileSpace, boolean highTier, int profileIdc, long compatibilityFlags, long constraintFlags,
        int levelIdc, int chromaFormatIdc, int width, int height) {

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
        return new H265SequenceParameterSet(profileSpace, highTier, profileIdc, compatibility, constraints, levelIdc,
                chromaFormatIdc, (int) width, (int) height);
    }
}
