package headwater.media.ts;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TsDemuxerTest {

    static RecordingListener demux(byte[] ts, DemuxOptions options, int chunk) {
        RecordingListener r = new RecordingListener();
        TsDemuxer d = new TsDemuxer(r, options);
        for (int off = 0; off < ts.length; off += chunk) {
            d.feed(ts, off, Math.min(chunk, ts.length - off));
        }
        d.flush();
        r.stats = d.stats();
        return r;
    }

    static RecordingListener demux(byte[] ts) {
        return demux(ts, DemuxOptions.DEFAULTS, ts.length);
    }

    static RecordingListener demux(String fixture) {
        return demux(Fixtures.bytes(fixture));
    }

    @Test
    void h264Aac720p() {
        byte[] ts = Fixtures.bytes(Fixtures.H264_AAC_720P);
        RecordingListener r = demux(ts);

        assertThat(r.programMaps).hasSize(1);
        ProgramMapTable pmt = r.programMaps.getFirst();
        assertThat(pmt.programNumber()).isEqualTo(1);
        assertThat(pmt.pid()).isEqualTo(0x1000);
        assertThat(pmt.pcrPid()).isEqualTo(0x100);
        assertThat(pmt.streams()).extracting(ElementaryStream::pid, ElementaryStream::streamType, ElementaryStream::codec)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0x100, 0x1B, Codec.H264),
                        org.assertj.core.groups.Tuple.tuple(0x101, 0x0F, Codec.AAC));
        assertThat(r.formats.get(0x100)).isEqualTo(StreamFormat.video(Codec.H264, "avc1.64001f", 1280, 720, 25.0));
        assertThat(r.formats.get(0x101)).isEqualTo(StreamFormat.audio(Codec.AAC, "mp4a.40.2", 48000, 2));
        assertThat(r.formatEvents).hasSize(2);

        assertThat(r.units(0x100)).hasSize(75);
        assertThat(r.units(0x100).getFirst()).containsExactly(133200, 126000, 1);
        assertThat(r.keyframes(0x100)).isEqualTo(3);
        assertThat(keyframePts(r, 0x100)).containsExactly(133200L, 223200L, 313200L);
        assertThat(r.units(0x101)).hasSize(13).allMatch(u -> u[2] == 1 && u[0] == u[1]);
        assertThat(r.units(0x101).getFirst()[0]).isEqualTo(131280);

        assertThat(r.stats.packets()).isEqualTo(ts.length / 188);
        // Everything but ffmpeg's SDT (PID 0x11, not part of the program) is passed on.
        int sdt = 0;
        for (int o = 0; o < ts.length; o += 188) {
            sdt += TsPacket.pid(ts, o) == 0x11 ? 1 : 0;
        }
        assertThat(sdt).isPositive();
        assertThat(r.packets(0x11)).isZero();
        // ... except the first PAT, which arrives before the program map is known.
        assertThat(r.packets(0) + r.packets(0x1000) + r.packets(0x100) + r.packets(0x101))
                .isEqualTo(ts.length / 188 - sdt - 1);
        assertThat(r.events.get(0)).startsWith("pmt ");
        assertThat(r.events.get(1)).startsWith("packet 4096 ");
        assertThat(r.stats.continuityErrors()).isZero();
        assertThat(r.stats.bytesSkipped()).isZero();
        assertThat(r.stats.syncLosses()).isZero();
        assertThat(r.stats.pesErrors()).isZero();
        assertThat(r.stats.psiErrors()).isZero();
        assertThat(r.orderViolations).isZero();
    }

    @Test
    void keyframesMatchFfprobe() throws Exception {
        for (String name : List.of(Fixtures.H264_AAC_720P, Fixtures.HEVC_AC3_360P, Fixtures.MPEG2_MP2, Fixtures.PTS_WRAP)) {
            RecordingListener r = demux(name);
            assertThat(keyframePts(r, 0x100)).as(name).containsExactlyElementsOf(ffprobeKeyframePts(name));
            assertThat(r.units(0x100)).as(name).hasSize(ffprobeVideoPackets(name));
        }
    }

    @Test
    void hevcWithAc3() {
        RecordingListener r = demux(Fixtures.HEVC_AC3_360P);
        assertThat(r.programMaps.getFirst().streams()).extracting(ElementaryStream::codec).containsExactly(Codec.H265, Codec.AC3);
        assertThat(r.formats.get(0x100)).isEqualTo(StreamFormat.video(Codec.H265, "hvc1.1.6.L63.90", 640, 360, 0));
        assertThat(r.formats.get(0x101)).isEqualTo(StreamFormat.audio(Codec.AC3, "ac-3", 48000, 6));
        assertThat(r.keyframes(0x100)).isEqualTo(2);
        assertThat(r.units(0x100)).hasSize(50);
        assertThat(r.stats.continuityErrors()).isZero();
    }

    @Test
    void mpeg2VideoWithMpegAudio() {
        RecordingListener r = demux(Fixtures.MPEG2_MP2);
        assertThat(r.formats.get(0x100)).isEqualTo(StreamFormat.video(Codec.MPEG2_VIDEO, "mp4v.61", 352, 288, 25.0));
        assertThat(r.formats.get(0x101)).isEqualTo(StreamFormat.audio(Codec.MPEG_AUDIO, "mp4a.40.34", 48000, 2));
        assertThat(r.keyframes(0x100)).isEqualTo(5); // GOP 12 over 50 frames
        assertThat(r.units(0x101).getFirst()[0]).isEqualTo(128698);
    }

    @Test
    void audioOnlyStreams() {
        RecordingListener aac = demux(Fixtures.AUDIO_ONLY_AAC);
        assertThat(aac.programMaps.getFirst().video()).isNull();
        assertThat(aac.formats.get(0x100)).isEqualTo(StreamFormat.audio(Codec.AAC, "mp4a.40.2", 48000, 2));
        assertThat(aac.units(0x100)).hasSize(9).allMatch(u -> u[2] == 1);
        assertThat(aac.units(0x100).getFirst()[0]).isEqualTo(126000);

        RecordingListener eac3 = demux(Fixtures.AUDIO_ONLY_EAC3_DVB);
        ElementaryStream es = eac3.programMaps.getFirst().streams().getFirst();
        assertThat(es.streamType()).isEqualTo(0x06);
        assertThat(es.codec()).isEqualTo(Codec.EAC3);
        assertThat(es.language()).isEqualTo("eng");
        assertThat(es.descriptors()).isNotEmpty();
        assertThat(eac3.formats.get(0x100)).isEqualTo(StreamFormat.audio(Codec.EAC3, "ec-3", 48000, 2));
        assertThat(eac3.orderViolations).isZero();
    }

    @Test
    void pmtChangeIsReportedAndFollowed() {
        RecordingListener r = demux(Fixtures.PMT_CHANGE);
        assertThat(r.programMaps).hasSize(2);
        assertThat(r.programMaps.get(0).streams()).extracting(ElementaryStream::pid).containsExactly(0x100, 0x101);
        assertThat(r.programMaps.get(1).pid()).isEqualTo(0x1000);
        assertThat(r.programMaps.get(1).streams()).extracting(ElementaryStream::pid).containsExactly(0x200);
        assertThat(r.programMaps.get(1).pcrPid()).isEqualTo(0x200);
        assertThat(r.formats.get(0x200).width()).isEqualTo(320);
        assertThat(r.units(0x100)).hasSize(50);
        assertThat(r.units(0x200)).hasSize(50);
        assertThat(r.keyframes(0x200)).isEqualTo(2);
        // The second mux restarts its PAT and PMT counters: one jump on each at the join, nothing else.
        assertThat(r.stats.continuityErrors()).isEqualTo(2);
        assertThat(r.stats.continuityErrors(0)).isEqualTo(1);
        assertThat(r.stats.continuityErrors(0x1000)).isEqualTo(1);
        // The map comes before any packet of the new stream.
        int mapAt = r.events.indexOf("pmt " + r.programMaps.get(1));
        int firstNew = indexOfPrefix(r.events, "packet 512 ");
        assertThat(mapAt).isPositive().isLessThan(firstNew);
        assertThat(indexOfPrefix(r.events.subList(mapAt, r.events.size()), "packet 257 ")).isNegative();
    }

    @Test
    void pmtPidChangeInThePatIsFollowed() {
        RecordingListener r = demux(Fixtures.PID_CHANGE);
        assertThat(r.programMaps).extracting(ProgramMapTable::pid).containsExactly(0x1000, 0x1100);
        assertThat(r.programMaps.get(1).streams()).extracting(ElementaryStream::pid).containsExactly(0x300, 0x301);
        assertThat(r.units(0x300)).hasSize(50);
        assertThat(r.units(0x301)).hasSize(6);
        assertThat(r.packets(0x1100)).isEqualTo(18);
        assertThat(r.formats.get(0x301)).isEqualTo(StreamFormat.audio(Codec.AAC, "mp4a.40.2", 48000, 1));
    }

    @Test
    void garbageAndTruncationAreCountedAndSurvived() {
        RecordingListener clean = demux(Fixtures.H264_AAC_180P);
        RecordingListener r = demux(Fixtures.GARBAGE_TRUNCATED);
        assertThat(r.stats.bytesSkipped()).isPositive();
        assertThat(r.stats.syncLosses()).isGreaterThanOrEqualTo(2);
        // Packet 61 (audio) is swallowed by the cut packet 60: one audio continuity error.
        assertThat(r.stats.continuityErrors(0x101)).isEqualTo(1);
        assertThat(r.packets(0x101)).isEqualTo(clean.packets(0x101) - 1);
        assertThat(keyframePts(r, 0x100)).isEqualTo(keyframePts(clean, 0x100));
        assertThat(r.units(0x100)).hasSize(75);
        assertThat(r.orderViolations).isZero();
    }

    @Test
    void garbageBetweenPacketsIsSkippedExactly() {
        byte[] clean = Fixtures.bytes(Fixtures.H264_AAC_180P);
        byte[] junk = new byte[777];
        Random random = new Random(42);
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (random.nextInt(255) + 1 == 0x47 ? 0x46 : random.nextInt(255) + 1);
            if (junk[i] == 0x47) {
                junk[i] = 0x48;
            }
        }
        int cut = 100 * 188;
        byte[] ts = concat(Arrays.copyOf(junk, 333), Arrays.copyOfRange(clean, 0, cut), junk,
                Arrays.copyOfRange(clean, cut, clean.length));
        RecordingListener expected = demux(clean);
        for (int chunk : new int[] {1, 188, 1000, ts.length}) {
            RecordingListener r = demux(ts, DemuxOptions.DEFAULTS, chunk);
            assertThat(r.stats.bytesSkipped()).as("chunk %d", chunk).isEqualTo(333 + 777);
            assertThat(r.stats.syncLosses()).isEqualTo(1);
            assertThat(r.stats.packets()).isEqualTo(clean.length / 188);
            assertThat(r.events).isEqualTo(expected.events);
        }
    }

    @Test
    void droppedPacketsAreContinuityErrorsOnTheirPid() {
        byte[] clean = Fixtures.bytes(Fixtures.H264_AAC_180P);
        List<byte[]> kept = new ArrayList<>();
        int droppedVideo = 0;
        for (int i = 0; i < clean.length / 188; i++) {
            int pid = TsPacket.pid(clean, i * 188);
            if (pid == 0x100 && i % 50 == 7) {
                droppedVideo++;
                continue;
            }
            kept.add(Arrays.copyOfRange(clean, i * 188, i * 188 + 188));
        }
        RecordingListener r = demux(concat(kept.toArray(byte[][]::new)));
        assertThat(droppedVideo).isGreaterThan(3);
        assertThat(r.stats.continuityErrors(0x100)).isEqualTo(droppedVideo);
        assertThat(r.stats.continuityErrors(0x101)).isZero();
        assertThat(r.stats.continuityErrors()).isEqualTo(droppedVideo);
    }

    @Test
    void duplicatePacketIsAllowedOnceAndDropped() {
        byte[] clean = Fixtures.bytes(Fixtures.H264_AAC_180P);
        int i = firstPacketOf(clean, 0x100, 30);
        byte[] packet = Arrays.copyOfRange(clean, i, i + 188);
        byte[] ts = concat(Arrays.copyOf(clean, i + 188), packet, Arrays.copyOfRange(clean, i + 188, clean.length));
        RecordingListener r = demux(ts);
        assertThat(r.stats.continuityErrors()).isZero();
        assertThat(r.packets(0x100)).isEqualTo(demux(clean).packets(0x100));
        byte[] twice = concat(Arrays.copyOf(clean, i + 188), packet, packet, Arrays.copyOfRange(clean, i + 188, clean.length));
        assertThat(demux(twice).stats.continuityErrors(0x100)).isEqualTo(1);
    }

    @Test
    void transportErrorsAndBadCrcAreCountedAndDropped() {
        byte[] ts = Fixtures.bytes(Fixtures.H264_AAC_180P);
        int tei = firstPacketOf(ts, 0x101, 3);
        ts[tei + 1] |= (byte) 0x80;
        int pat = firstPacketOf(ts, 0, 5);
        ts[pat + 10] ^= 0x01; // inside the PAT section: its CRC no longer matches
        RecordingListener r = demux(ts);
        assertThat(r.stats.transportErrors()).isEqualTo(1);
        assertThat(r.stats.psiErrors()).isEqualTo(1);
        assertThat(r.stats.continuityErrors(0x101)).isEqualTo(1);
        assertThat(r.programMaps).hasSize(1);
    }

    @Test
    void ptsWrapAroundIsUnwrapped() {
        RecordingListener r = demux(Fixtures.PTS_WRAP);
        List<long[]> video = r.units(0x100);
        assertThat(video.getFirst()[0]).isEqualTo(8589834000L);
        assertThat(video.getLast()[0]).isLessThan(1L << 20); // wrapped
        long previous = video.getFirst()[1];
        long first = previous;
        for (long[] u : video) {
            long dts = Timestamps.unwrap(previous, u[1]);
            assertThat(dts).isGreaterThan(previous - 1).isEqualTo(previous + (previous == first && dts == first ? 0 : 3600));
            previous = dts;
        }
        assertThat(previous - first).isEqualTo(74 * 3600L);
        assertThat(r.keyframes(0x100)).isEqualTo(3);
    }

    @Test
    void multiProgramFollowsTheChosenProgram() {
        byte[] ts = Fixtures.bytes(Fixtures.MULTI_PROGRAM);
        RecordingListener first = demux(ts);
        assertThat(first.programMaps).singleElement().extracting(ProgramMapTable::programNumber).isEqualTo(1);
        assertThat(first.packets(0x102) + first.packets(0x103) + first.packets(0x1001)).isZero();
        assertThat(first.formats.get(0x100).width()).isEqualTo(320);

        RecordingListener second = demux(ts, new DemuxOptions(2, true, true, false), ts.length);
        ProgramMapTable pmt = second.programMaps.getFirst();
        assertThat(pmt.programNumber()).isEqualTo(2);
        assertThat(pmt.pid()).isEqualTo(0x1001);
        assertThat(pmt.streams()).extracting(ElementaryStream::pid).containsExactly(0x102, 0x103);
        assertThat(second.formats.get(0x102)).isEqualTo(StreamFormat.video(Codec.H264, "avc1.64000c", 256, 144, 25.0));
        assertThat(second.packets(0x100) + second.packets(0x101) + second.packets(0x1000)).isZero();
        assertThat(second.keyframes(0x102)).isEqualTo(2);

        RecordingListener none = demux(ts, new DemuxOptions(7, true, true, false), ts.length);
        assertThat(none.programMaps).isEmpty();
        assertThat(none.packetsByPid).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h264-aac-180p.ts", "garbage-truncated.ts", "pmt-change.ts", "hevc-ac3-360p.ts", "mpeg2-mp2.ts"})
    void chunkingDoesNotChangeTheEvents(String fixture) {
        byte[] ts = Fixtures.bytes(fixture);
        RecordingListener whole = demux(ts, DemuxOptions.DEFAULTS, ts.length);
        for (int chunk : new int[] {1, 7, 187, 189, 65536}) {
            RecordingListener r = demux(ts, DemuxOptions.DEFAULTS, chunk);
            assertThat(r.events).as("chunk %d", chunk).isEqualTo(whole.events);
            assertThat(r.stats.toString()).isEqualTo(whole.stats.toString());
        }
        RecordingListener random = new RecordingListener();
        TsDemuxer d = new TsDemuxer(random, DemuxOptions.DEFAULTS);
        Random sizes = new Random(7);
        for (int off = 0; off < ts.length; ) {
            int n = Math.min(ts.length - off, sizes.nextInt(600));
            d.feed(ts, off, n);
            off += n;
        }
        d.flush();
        assertThat(random.events).isEqualTo(whole.events);
    }

    @Test
    void resetForgetsTheProgramSoItIsReportedAgain() {
        byte[] ts = Fixtures.bytes(Fixtures.H264_AAC_180P);
        RecordingListener r = new RecordingListener();
        TsDemuxer d = new TsDemuxer(r, DemuxOptions.DEFAULTS);
        d.feed(ts, 0, 50_000 + 33);
        d.reset();
        d.feed(ts, 0, ts.length);
        d.flush();
        assertThat(r.programMaps).hasSize(2);
        assertThat(d.stats().continuityErrors()).isZero();
        assertThat(d.stats().syncLosses()).isZero();
        assertThat(r.orderViolations).isZero();
    }

    @Test
    void statsAreReadableFromAnotherThread() throws Exception {
        byte[] ts = Fixtures.bytes(Fixtures.H264_AAC_720P);
        TsDemuxer d = new TsDemuxer((buf, off, pid) -> { }, DemuxOptions.DEFAULTS);
        d.feed(ts, 0, ts.length);
        long[] seen = new long[1];
        Thread reader = new Thread(() -> seen[0] = d.stats().packets());
        reader.start();
        reader.join();
        assertThat(seen[0]).isEqualTo(ts.length / 188);
    }

    @Test
    void subtitlesAndDataAreKeptOrDroppedByOptions() {
        byte[] ts = Fixtures.bytes(Fixtures.AUDIO_ONLY_EAC3_DVB);
        // Rewrite the PMT's stream as DVB subtitles would be declared: stream_type 0x06 with descriptor 0x59.
        byte[] subtitled = ts.clone();
        int changed = 0;
        for (int o = 0; o < subtitled.length; o += 188) {
            if (TsPacket.pid(subtitled, o) == 0x1000) {
                changed += rewriteDescriptorTag(subtitled, o, 0x7A, 0x59);
            }
        }
        assertThat(changed).isPositive();
        RecordingListener kept = demux(subtitled, new DemuxOptions(0, true, true, false), subtitled.length);
        assertThat(kept.programMaps.getFirst().streams().getFirst().codec()).isEqualTo(Codec.DVB_SUBTITLE);
        assertThat(kept.packets(0x100)).isPositive();
        assertThat(kept.units(0x100)).isNotEmpty();
        RecordingListener dropped = demux(subtitled, new DemuxOptions(0, false, true, false), subtitled.length);
        assertThat(dropped.units(0x100)).isEmpty();
        assertThat(dropped.packets(0x1000)).isPositive();
        // Here the subtitle PID is also the PCR PID: its packets still pass for the clock, as a PID without PES.
        assertThat(dropped.programMaps.getFirst().pcrPid()).isEqualTo(0x100);
        assertThat(dropped.packets(0x100)).isEqualTo(kept.packets(0x100));
    }

    // ---------------------------------------------------------------- helpers

    /** Changes the first descriptor tag {@code from} in the PMT section of this packet and fixes the CRC. */
    private static int rewriteDescriptorTag(byte[] ts, int o, int from, int to) {
        int p = TsPacket.payloadOffset(ts, o);
        if (!TsPacket.payloadUnitStart(ts, o)) {
            return 0;
        }
        int s = p + 1 + (ts[p] & 0xFF);
        int len = 3 + (((ts[s + 1] & 0x0F) << 8) | (ts[s + 2] & 0xFF));
        for (int i = s + 12; i < s + len - 4; i++) {
            if ((ts[i] & 0xFF) == from) {
                ts[i] = (byte) to;
                int crc = Crc32Mpeg2.compute(ts, s, len - 4);
                ts[s + len - 4] = (byte) (crc >>> 24);
                ts[s + len - 3] = (byte) (crc >>> 16);
                ts[s + len - 2] = (byte) (crc >>> 8);
                ts[s + len - 1] = (byte) crc;
                return 1;
            }
        }
        return 0;
    }

    private static int firstPacketOf(byte[] ts, int pid, int nth) {
        int seen = 0;
        for (int o = 0; o < ts.length; o += 188) {
            if (TsPacket.pid(ts, o) == pid && seen++ == nth) {
                return o;
            }
        }
        throw new IllegalArgumentException("no packet " + nth + " of pid " + pid);
    }

    private static int indexOfPrefix(List<String> events, String prefix) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    static List<Long> keyframePts(RecordingListener r, int pid) {
        return r.units(pid).stream().filter(u -> u[2] == 1).map(u -> u[0]).toList();
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static List<String> ffprobe(String fixture, String entries) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", entries,
                "-of", "csv=p=0", Fixtures.path(fixture).toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** PTS of the packets ffprobe flags K, as 33-bit values (ffprobe unwraps the wrap fixture into negatives). */
    private static List<Long> ffprobeKeyframePts(String fixture) throws Exception {
        return ffprobe(fixture, "packet=pts,flags").stream()
                .filter(l -> l.split(",")[1].startsWith("K"))
                .map(l -> Long.parseLong(l.split(",")[0]) & Timestamps.MASK)
                .toList();
    }

    private static int ffprobeVideoPackets(String fixture) throws Exception {
        return ffprobe(fixture, "packet=pts").size();
    }
}
