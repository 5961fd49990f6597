package headwater.media.ts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.media.hls.MediaTool;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramTableWriterTest {
    private static final HexFormat HEX = HexFormat.of();

    private static ProgramMapTable h264Aac(int programNumber, int pmtPid) {
        return new ProgramMapTable(programNumber, pmtPid, 0x100, 0, List.of(
                new ElementaryStream(0x100, 0x1B, Codec.H264, "", null),
                new ElementaryStream(0x101, 0x0F, Codec.AAC, "", null)));
    }

    /** The PAT and PMT that ffmpeg 5.1 writes for one H.264 + AAC program: the same bits, so the same bytes. */
    @Test
    void writesThePatAndPmtFfmpegWritesForTheSameProgram() {
        ProgramTableWriter writer = new ProgramTableWriter();
        writer.program(h264Aac(1, 0x1000));
        byte[] out = new byte[writer.size()];

        assertThat(writer.write(out, 0)).isEqualTo(2 * TsPacket.SIZE);

        byte[] pat = Arrays.copyOfRange(out, 0, 188);
        byte[] pmt = Arrays.copyOfRange(out, 188, 376);
        assertThat(HEX.formatHex(pat, 0, 21)).isEqualTo("474000100000b00d0001c100000001f0002ab104b2");
        assertThat(HEX.formatHex(pmt, 0, 31)).isEqualTo("475000100002b0170001c10000e100f0001be100f0000fe101f0002f44b99b");
        assertThat(Arrays.copyOfRange(pat, 21, 188)).containsOnly((byte) 0xFF);
        assertThat(Arrays.copyOfRange(pmt, 31, 188)).containsOnly((byte) 0xFF);
    }

    @Test
    void keepsItsOwnContinuityCountersAcrossWrites() {
        ProgramTableWriter writer = new ProgramTableWriter();
        writer.program(h264Aac(1, 0x1000));
        byte[] out = new byte[writer.size()];
        for (int i = 0; i < 20; i++) {
            writer.write(out, 0);
            assertThat(TsPacket.continuityCounter(out, 0)).isEqualTo(i & 0x0F);
            assertThat(TsPacket.continuityCounter(out, 188)).isEqualTo(i & 0x0F);
            assertThat(TsPacket.pid(out, 0)).isEqualTo(0);
            assertThat(TsPacket.pid(out, 188)).isEqualTo(0x1000);
        }
    }

    @Test
    void takesANewVersionOnlyWhenTheTablesChange() {
        ProgramTableWriter writer = new ProgramTableWriter();
        assertThat(writer.program(h264Aac(1, 0x1000))).isTrue();
        assertThat(writer.program(h264Aac(1, 0x1000))).isFalse();
        byte[] out = new byte[writer.size()];
        writer.write(out, 0);
        assertThat(version(out, 0)).isEqualTo(0);
        assertThat(version(out, 188)).isEqualTo(0);

        // upstream version 9 with the same streams: the same section, so the same version
        ProgramMapTable sameStreams = new ProgramMapTable(1, 0x1000, 0x100, 9, h264Aac(1, 0x1000).streams());
        assertThat(writer.program(sameStreams)).isFalse();

        ProgramMapTable withoutAudio = new ProgramMapTable(1, 0x1000, 0x100, 0,
                List.of(new ElementaryStream(0x100, 0x1B, Codec.H264, "", null)));
        assertThat(writer.program(withoutAudio)).isTrue();
        writer.write(out, 0);
        assertThat(version(out, 0)).as("PAT unchanged").isEqualTo(0);
        assertThat(version(out, 188)).as("PMT changed").isEqualTo(1);
        assertThat(section(out, 188, 0x1000)).satisfies(ProgramTableWriterTest::assertCrc);
    }

    @Test
    void splitsALongPmtAcrossPacketsAndCarriesEachStreamsDescriptors() {
        List<ElementaryStream> streams = new ArrayList<>();
        streams.add(new ElementaryStream(0x100, 0x1B, Codec.H264, "", null));
        for (int i = 0; i < 40; i++) {
            byte[] language = {0x0A, 4, 'e', 'n', (byte) ('a' + i % 26), 0};
            streams.add(new ElementaryStream(0x200 + i, 0x0F, Codec.AAC, "", language));
        }
        ProgramTableWriter writer = new ProgramTableWriter();
        writer.program(new ProgramMapTable(3, 0x30, 0x100, 0, streams));
        byte[] out = new byte[writer.size()];
        writer.write(out, 0);

        assertThat(writer.descriptorsDropped()).isFalse();
        assertThat(out.length).isEqualTo(188 * 4); // PAT + a 12 + 41*5 + 40*6 + 4 = 461-byte section in 3 packets
        assertThat(TsPacket.payloadUnitStart(out, 188)).isTrue();
        assertThat(TsPacket.payloadUnitStart(out, 376)).isFalse();
        assertThat(TsPacket.continuityCounter(out, 376)).isEqualTo(1);
        assertThat(TsPacket.continuityCounter(out, 564)).isEqualTo(2);
        byte[] section = section(out, 188, 0x30);
        assertCrc(section);
        assertThat(parseStreams(section)).hasSize(41);
        int p = 12 + 5; // first audio entry
        assertThat(section[p + 3] & 0x0F).isZero();
        assertThat(section[p + 4]).isEqualTo((byte) 6);
        assertThat(Arrays.copyOfRange(section, p + 5, p + 11)).containsExactly(0x0A, 4, 'e', 'n', 'a', 0);
    }

    @Test
    void leavesDescriptorsOutRatherThanWriteASectionTooLong() {
        byte[] big = new byte[200];
        big[0] = (byte) 0x80;
        big[1] = (byte) 198;
        List<ElementaryStream> streams = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            streams.add(new ElementaryStream(0x100 + i, 0x06, Codec.UNKNOWN, "", big));
        }
        ProgramTableWriter writer = new ProgramTableWriter();
        writer.program(new ProgramMapTable(1, 0x1000, 0x100, 0, streams));
        byte[] out = new byte[writer.size()];
        writer.write(out, 0);

        assertThat(writer.descriptorsDropped()).isTrue();
        byte[] section = section(out, 188, 0x1000);
        assertCrc(section);
        assertThat(parseStreams(section)).hasSize(6);
    }

    @Test
    void refusesAPmtPidThatCannotBeOne() {
        assertThatThrownBy(() -> new ProgramTableWriter().program(h264Aac(1, 0)))
                .hasMessageContaining("PMT PID 0 of program 1 is outside 1..8190");
    }

    /**
     * ffprobe reads our tables: the elementary stream packets of an ffmpeg stream, with its PAT, PMT and SDT replaced
     * by ours (another program number and PMT PID, repeated so the continuity counters run), decode without error.
     */
    @Test
    void ffprobeReadsAStreamWithOurTables(@TempDir Path dir) throws Exception {
        MediaTool.ffmpeg(dir, "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440", "-t", "2", "-c:v", "libx264", "-g", "25", "-c:a", "aac", "-f", "mpegts",
                "source.ts");
        byte[] source = Files.readAllBytes(dir.resolve("source.ts"));
        ProgramTableWriter writer = new ProgramTableWriter();
        writer.program(new ProgramMapTable(7, 0x0042, 0x100, 0, h264Aac(7, 0x42).streams()));
        byte[] tables = new byte[writer.size()];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int written = 0;
        for (int off = 0; off + 188 <= source.length; off += 188) {
            int pid = TsPacket.pid(source, off);
            if (pid == 0 || pid == 0x1000 || pid == 0x11) {
                continue;
            }
            if (written++ % 40 == 0) {
                out.write(tables, 0, writer.write(tables, 0));
            }
            out.write(source, off, 188);
        }
        Files.write(dir.resolve("ours.ts"), out.toByteArray());

        MediaTool.Result probe = MediaTool.ffprobe(dir, "-show_entries",
                "program=program_num,pmt_pid,pcr_pid:stream=codec_name", "-of", "compact", "ours.ts");
        assertThat(probe.exitCode()).isZero();
        assertThat(probe.stderr()).isEmpty();
        assertThat(probe.stdout()).contains("program|program_num=7|pmt_pid=66|pcr_pid=256")
                .contains("codec_name=h264").contains("codec_name=aac");
        MediaTool.Result decode = MediaTool.run(dir, "ffmpeg", "-nostdin", "-v", "error", "-i", "ours.ts", "-f",
                "null", "-");
        assertThat(decode.exitCode()).isZero();
        assertThat(decode.stderr()).isEmpty();
    }

    private static int version(byte[] b, int off) {
        return (b[off + 5 + 5] >> 1) & 0x1F;
    }

    /** Reassembles the section starting in the packet at {@code off}. */
    private static byte[] section(byte[] b, int off, int pid) {
        assertThat(TsPacket.pid(b, off)).isEqualTo(pid);
        assertThat(b[off + 4]).as("pointer_field").isZero();
        int length = 3 + (((b[off + 6] & 0x0F) << 8) | (b[off + 7] & 0xFF));
        byte[] s = new byte[length];
        int have = Math.min(length, 183);
        System.arraycopy(b, off + 5, s, 0, have);
        for (int p = off + 188; have < length; p += 188) {
            assertThat(TsPacket.pid(b, p)).isEqualTo(pid);
            int n = Math.min(length - have, 184);
            System.arraycopy(b, p + 4, s, have, n);
            have += n;
        }
        return s;
    }

    private static void assertCrc(byte[] section) {
        assertThat(Crc32Mpeg2.compute(section, 0, section.length)).as("CRC over a section and its CRC_32").isZero();
    }

    private static List<Integer> parseStreams(byte[] section) {
        List<Integer> pids = new ArrayList<>();
        int end = section.length - 4;
        for (int p = 12 + (((section[10] & 0x0F) << 8) | (section[11] & 0xFF)); p < end; ) {
            pids.add(((section[p + 1] & 0x1F) << 8) | (section[p + 2] & 0xFF));
            p += 5 + (((section[p + 3] & 0x0F) << 8) | (section[p + 4] & 0xFF));
        }
        return pids;
    }
}
