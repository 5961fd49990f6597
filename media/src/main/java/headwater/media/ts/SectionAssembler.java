package headwater.media.ts;

/**
 * Reassembles PSI sections (ISO/IEC 13818-1 §2.4.4) from the packets of one PID: pointer_field, sections spanning
 * packets, several sections in one packet, stuffing. Complete sections with a good CRC-32 go to {@link Handler}; bad
 * ones are counted by the caller through the return value of {@link #push}.
 */
final class SectionAssembler {
    interface Handler {
        void onSection(byte[] section, int len);
    }

    /** 1021 bytes of section_length plus the 3-byte header, the PSI maximum. */
    static final int MAX_SECTION = 1024;

    private final byte[] buf = new byte[MAX_SECTION];
    private int len;
    private int need;
    private boolean inSection;
    private boolean broken;

    void reset() {
        inSection = false;
        len = 0;
        need = 0;
    }

    /**
     * Feeds one packet's payload {@code b[p .. end)}.
     *
     * @return the number of broken sections seen (bad CRC, bad length, bad pointer_field)
     */
    int push(byte[] b, int p, int end, boolean unitStart, Handler handler) {
        int errors = 0;
        if (unitStart) {
            int pointer = b[p++] & 0xFF;
            if (p + pointer > end) {
                reset();
                return 1;
            }
            if (inSection) {
                errors += append(b, p, p + pointer, handler);
                if (inSection) { // the previous section should have ended where the pointer says
                    reset();
                    errors++;
                }
            }
            p += pointer;
            inSection = false;
        } else if (!inSection) {
            return 0;
        }
        while (p < end) {
            if (!inSection) {
                if (!unitStart || (b[p] & 0xFF) == 0xFF) {
                    break; // stuffing: the rest of the packet is 0xFF
                }
                inSection = true;
                len = 0;
                need = 3;
            }
            int n = Math.min(end - p, need - len);
            errors += append(b, p, p + n, handler);
            p += n;
            if (broken) {
                broken = false;
                break;
            }
        }
        return errors;
    }

    private int append(byte[] b, int from, int to, Handler handler) {
        int p = from;
        int errors = 0;
        while (p < to && inSection) {
            int n = Math.min(to - p, need - len);
            System.arraycopy(b, p, buf, len, n);
            len += n;
            p += n;
            if (len == 3 && need == 3) {
                int sectionLength = ((buf[1] & 0x0F) << 8) | (buf[2] & 0xFF);
                if (sectionLength > MAX_SECTION - 3 || sectionLength < 5) {
                    reset();
                    broken = true;
                    return errors + 1;
                }
                need = 3 + sectionLength;
            }
            if (len == need) {
                inSection = false;
                if (Crc32Mpeg2.compute(buf, 0, len) != 0) {
                    errors++;
                } else {
                    handler.onSection(buf, len);
                }
            }
        }
        return errors;
    }
}
