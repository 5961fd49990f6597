package headwater.media.ts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionAssemblerTest {
    private final List<byte[]> sections = new ArrayList<>();
    private final SectionAssembler assembler = new SectionAssembler();
    private final SectionAssembler.Handler handler = (s, len) -> sections.add(Arrays.copyOf(s, len));

    /** A long-syntax section of {@code total} bytes with a valid CRC. */
    static byte[] section(int tableId, int total, int fill) {
        byte[] s = new byte[total];
        s[0] = (byte) tableId;
        int length = total - 3;
        s[1] = (byte) (0xB0 | (length >> 8));
        s[2] = (byte) length;
        s[5] = (byte) 0xC1;
        Arrays.fill(s, 8, total - 4, (byte) fill);
        int crc = Crc32Mpeg2.compute(s, 0, total - 4);
        s[total - 4] = (byte) (crc >>> 24);
        s[total - 3] = (byte) (crc >>> 16);
        s[total - 2] = (byte) (crc >>> 8);
        s[total - 1] = (byte) crc;
        return s;
    }

    private static byte[] payload(int pointer, byte[]... parts) {
        byte[] p = new byte[184];
        Arrays.fill(p, (byte) 0xFF);
        int at = 0;
        if (pointer >= 0) {
            p[at++] = (byte) pointer;
        }
        for (byte[] part : parts) {
            System.arraycopy(part, 0, p, at, part.length);
            at += part.length;
        }
        return p;
    }

    @Test
    void severalSectionsInOnePacket() {
        byte[] a = section(0x02, 40, 1);
        byte[] b = section(0x02, 60, 2);
        assertThat(assembler.push(payload(0, a, b), 0, 184, true, handler)).isZero();
        assertThat(sections).hasSize(2);
        assertThat(sections.get(0)).isEqualTo(a);
        assertThat(sections.get(1)).isEqualTo(b);
    }

    @Test
    void sectionSpanningPacketsAndAPointerFieldThatEndsIt() {
        byte[] big = section(0x02, 400, 3);
        byte[] next = section(0x00, 20, 4);
        assembler.push(payload(0, Arrays.copyOfRange(big, 0, 183)), 0, 184, true, handler);
        assembler.push(payload(-1, Arrays.copyOfRange(big, 183, 367)), 0, 184, false, handler);
        assertThat(sections).isEmpty();
        // 33 bytes finish the big section, then the next section starts where the pointer says
        byte[] rest = Arrays.copyOfRange(big, 367, 400);
        assertThat(assembler.push(payload(33, rest, next), 0, 184, true, handler)).isZero();
        assertThat(sections).hasSize(2);
        assertThat(sections.get(0)).isEqualTo(big);
        assertThat(sections.get(1)).isEqualTo(next);
    }

    @Test
    void headerSplitAcrossPackets() {
        byte[] a = section(0x02, 181, 5); // pointer + 181 = 182 bytes, the next section's header straddles
        byte[] b = section(0x02, 30, 6);
        byte[] first = payload(0, a, Arrays.copyOfRange(b, 0, 2));
        assembler.push(first, 0, 184, true, handler);
        assembler.push(payload(-1, Arrays.copyOfRange(b, 2, 30)), 0, 184, false, handler);
        assertThat(sections).hasSize(2);
        assertThat(sections.get(1)).isEqualTo(b);
    }

    @Test
    void badCrcAndBadLengthAreCountedAndDropped() {
        byte[] a = section(0x02, 40, 7);
        a[10] ^= 1;
        assertThat(assembler.push(payload(0, a), 0, 184, true, handler)).isEqualTo(1);
        byte[] tooLong = {0x02, (byte) 0xBF, (byte) 0xFF};
        assertThat(assembler.push(payload(0, tooLong), 0, 184, true, handler)).isEqualTo(1);
        assertThat(assembler.push(payload(200), 0, 184, true, handler)).isEqualTo(1); // pointer past the packet
        assertThat(sections).isEmpty();
        // and it recovers on the next good one
        assembler.push(payload(0, section(0x02, 40, 8)), 0, 184, true, handler);
        assertThat(sections).hasSize(1);
    }

    @Test
    void continuationWithoutAStartIsIgnored() {
        assertThat(assembler.push(payload(-1, section(0x02, 40, 9)), 0, 184, false, handler)).isZero();
        assertThat(sections).isEmpty();
    }
}
