package headwater.headend.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.media.ts.TsPacket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLoopSourceTest {
    private static final SourceContext DEMO = SourceContext.defaults("demo");
    @TempDir
    static Path dir;
    private static Path clip;

    @BeforeAll
    static void makeClip() throws Exception {
        clip = TsFixtures.clip(dir, "clip.ts", 2);
    }

    private static FileLoopSource open(Path file, String options) throws IOException {
        FileLoopSource source = (FileLoopSource) SourceFactory.create(file.toUri() + options, DEMO);
        source.open();
        return source;
    }

    /** Reads {@code length} bytes in reads of up to 7 packets; fails if the source ends first. */
    private static byte[] read(Source source, int length) throws IOException {
        byte[] out = new byte[length];
        int n = 0;
        while (n < length) {
            int r = source.read(out, n, Math.min(7 * TsPacket.SIZE, length - n));
            assertThat(r).as("read at %d of %d", n, length).isPositive();
            n += r;
        }
        return out;
    }

    /**
     * Reads whole loops: {@code loops} times the file's packets, plus the PCR-only packets the source adds at loop
     * points (adaptation field only, stuffed with 0xFF), so the stream ends where a loop ends.
     */
    private static byte[] readLoops(Source source, long filePackets, int loops) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] p = new byte[TsPacket.SIZE];
        long counted = 0;
        while (counted < loops * filePackets) {
            int n = 0;
            while (n < p.length) {
                int r = source.read(p, n, p.length - n);
                assertThat(r).isPositive();
                n += r;
            }
            out.write(p, 0, p.length);
            boolean pcrOnly = !TsPacket.hasPayload(p, 0) && TsPacket.adaptationFieldLength(p, 0) == 183
                    && p[5] == 0x10 && p[TsPacket.SIZE - 1] == (byte) 0xFF;
            counted += pcrOnly ? 0 : 1;
        }
        return out.toByteArray();
    }

    /**
     * The heart of the seamless loop: over several loops a demuxer sees no continuity error, and every PID's decode
     * time and the PCR keep increasing, with no step at a loop point larger than twice the stream's usual step.
     */
    private static void assertSeamless(byte[] ts, int loops, FileLoopSource source) {
        TsContinuity c = TsContinuity.of(ts, ts.length);
        assertThat(c.ccErrors).as("continuity errors per PID").isEmpty();
        assertThat(c.decodeTimes).isNotEmpty();
        for (Map.Entry<Integer, List<Long>> e : c.decodeTimes.entrySet()) {
            List<Long> times = e.getValue();
            List<Long> firstLoop = times.subList(0, times.size() / loops);
            long usual = TsContinuity.maxStep(firstLoop);
            assertThat(TsContinuity.minStep(times)).as("PID %d decode times increase", e.getKey()).isPositive();
            assertThat(TsContinuity.maxStep(times)).as("PID %d largest step (usual %d)", e.getKey(), usual)
                    .isLessThanOrEqualTo(2 * usual);
            assertThat(times.getLast() - times.getFirst()).as("PID %d span", e.getKey())
                    .isGreaterThan((loops - 1) * source.plan().duration90k());
        }
        if (!c.pcrs.isEmpty()) {
            long usual = TsContinuity.maxStep(c.pcrs.subList(0, c.pcrs.size() / loops));
            assertThat(TsContinuity.minStep(c.pcrs)).as("PCR increases").isPositive();
            // the loop point is bridged by PCRs 40 ms apart, the last gap being at most 1.5 of those
            assertThat(TsContinuity.maxStep(c.pcrs)).as("largest PCR step (usual %d)", usual)
                    .isLessThanOrEqualTo(Math.max(usual, FileLoopSource.PCR_FILL_TICKS * 3 / 2));
        }
    }

    @Test
    void loopsSeamlesslyAtTenTimesRealTime() throws Exception {
        byte[] file = Files.readAllBytes(clip);
        int loops = 3;
        long started = System.nanoTime();
        try (FileLoopSource source = open(clip, "?speed=10")) {
            LoopPlan plan = source.plan();
            assertThat(plan.packets()).isEqualTo(file.length / TsPacket.SIZE);
            assertThat(plan.pcrPid()).isNotNegative();
            // 2 s of video at 25 fps and of AAC audio: one loop lasts 2 s and a bit (the audio's last frame)
            assertThat(plan.duration90k()).isBetween(2L * 90_000, 2L * 90_000 + 2 * 1920);
            byte[] ts = readLoops(source, plan.packets(), loops);
            long elapsed = System.nanoTime() - started;
            // this clip's audio outlasts its video by 45 ms: the loop points get PCR-only packets
            assertThat(ts.length).as("bytes of %d loops", loops).isGreaterThan(loops * file.length);
            assertThat(Arrays.mismatch(Arrays.copyOf(ts, file.length), file)).as("the first loop is the file")
                    .isEqualTo(-1);
            assertThat(source.loopsCompleted()).isEqualTo(loops - 1);
            assertSeamless(ts, loops, source);
            // the last packets are paced (loops - 1) loop durations after the first: a lower bound, never flaky
            assertThat(elapsed).isGreaterThanOrEqualTo((long) ((loops - 1) * plan.duration90k() / 90_000.0 / 10 * 1e9));
            assertThat(source.bytesRead()).isEqualTo(ts.length);
        }
    }

    @Test
    void readsOfAnySizeGiveTheSameStream() throws Exception {
        byte[] file = Files.readAllBytes(clip);
        byte[] whole;
        try (FileLoopSource source = open(clip, "?speed=50")) {
            whole = read(source, 2 * file.length);
        }
        byte[] odd = new byte[whole.length];
        try (FileLoopSource source = open(clip, "?speed=50")) {
            int[] sizes = {100, 1, 188, 377, 188 * 40 + 3, 187};
            int n = 0;
            for (int i = 0; n < odd.length; i++) {
                int r = source.read(odd, n, Math.min(sizes[i % sizes.length], odd.length - n));
                assertThat(r).isPositive();
                n += r;
            }
        }
        assertThat(Arrays.mismatch(odd, whole)).as("first difference").isEqualTo(-1);
    }

    @Test
    void readsReturnWholePacketsWhenTheLengthAllowsIt() throws Exception {
        try (FileLoopSource source = open(clip, "?speed=50")) {
            byte[] buf = new byte[16 * 1024]; // not a multiple of 188
            long total = 0;
            for (int i = 0; i < 40; i++) {
                int n = source.read(buf, 0, buf.length);
                assertThat(n % TsPacket.SIZE).as("read %d returned %d bytes", i, n).isZero();
                assertThat(buf[0]).isEqualTo(TsPacket.SYNC_BYTE);
                total += n;
            }
            assertThat(source.bytesRead()).isEqualTo(total);
        }
    }

    @Test
    void remuxesCleanlyInFfmpegAcrossLoopPoints() throws Exception {
        byte[] file = Files.readAllBytes(clip);
        try (FileLoopSource source = open(clip, "?speed=20")) {
            Files.write(dir.resolve("looped.ts"), readLoops(source, file.length / TsPacket.SIZE, 3));
        }
        // ffmpeg warns about non-monotonous DTS, corrupt packets and decode errors at -loglevel warning
        TsFixtures.ffmpeg(dir, "-loglevel", "warning", "-i", "looped.ts", "-map", "0", "-f", "framemd5", "looped.md5");
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning", "-i", "looped.ts",
                "-map", "0", "-c", "copy", "-f", "mpegts", "-y", "remuxed.ts")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String warnings = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isZero();
        assertThat(warnings).as("ffmpeg warnings on the looped stream").isEmpty();
    }

    @Test
    void unwrapsThirtyThreeBitTimestampsInsideTheFileAndAcrossLoops() throws Exception {
        // 95442 s + ffmpeg's 1.4 s mux delay puts 2^33 ticks (95443.7 s) inside the clip
        Path wrapping = TsFixtures.clip(dir, "wrap.ts", 2, "-output_ts_offset", "95442");
        byte[] file = Files.readAllBytes(wrapping);
        try (FileLoopSource source = open(wrapping, "?speed=20")) {
            assertThat(source.plan().duration90k()).isBetween(2L * 90_000, 2L * 90_000 + 2 * 1920);
            assertSeamless(read(source, 3 * file.length), 3, source);
        }
    }

    @Test
    void pacesByPtsWhenTheFileHasNoPcr() throws Exception {
        byte[] file = Files.readAllBytes(clip);
        for (int off = 0; off < file.length; off += TsPacket.SIZE) {
            if (TsPacket.pcr(file, off) >= 0) {
                file[off + 5] &= ~0x10; // clear PCR_flag: the six PCR bytes become stuffing
            }
        }
        Path noPcr = Files.write(dir.resolve("nopcr.ts"), file);
        long started = System.nanoTime();
        try (FileLoopSource source = open(noPcr, "?speed=10")) {
            assertThat(source.plan().pcrPid()).isEqualTo(-1);
            assertThat(source.plan().ptsPid()).isNotNegative();
            byte[] ts = read(source, 2 * file.length);
            long elapsed = System.nanoTime() - started;
            assertSeamless(ts, 2, source);
            assertThat(elapsed).isGreaterThanOrEqualTo((long) (0.9 * source.plan().duration90k() / 90_000.0 / 10 * 1e9));
        }
    }

    @Test
    void playsOnceWithoutLoop() throws Exception {
        byte[] file = Files.readAllBytes(clip);
        try (FileLoopSource source = open(clip, "?speed=20&loop=false")) {
            assertThat(Arrays.mismatch(read(source, file.length), file)).as("first difference").isEqualTo(-1);
            assertThat(source.read(new byte[188], 0, 188)).isEqualTo(-1);
        }
    }

    @Test
    void skipsGarbageBetweenPacketsAndATrailingPartialPacket() throws Exception {
        byte[] file = Files.readAllBytes(clip);
        byte[] dirty = new byte[file.length + 300];
        System.arraycopy(file, 0, dirty, 0, 10 * TsPacket.SIZE);
        for (int i = 0; i < 200; i += 10) {
            dirty[10 * TsPacket.SIZE + i] = TsPacket.SYNC_BYTE; // 20 false sync bytes in 200 of garbage
        }
        System.arraycopy(file, 10 * TsPacket.SIZE, dirty, 10 * TsPacket.SIZE + 200, file.length - 10 * TsPacket.SIZE);
        System.arraycopy(file, 0, dirty, file.length + 200, 100); // a partial packet at the end
        Path path = Files.write(dir.resolve("dirty.ts"), dirty);
        try (FileLoopSource source = open(path, "?speed=20&loop=false")) {
            assertThat(Arrays.mismatch(read(source, file.length), file)).as("first difference").isEqualTo(-1);
            assertThat(source.read(new byte[188], 0, 188)).isEqualTo(-1);
        }
    }

    @Test
    void keepsThePacketJustBeforeGarbageThatHasNoSyncByte() throws Exception {
        byte[] file = Files.readAllBytes(clip);
        java.io.ByteArrayOutputStream dirty = new java.io.ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(7);
        int runs = 0;
        for (int off = 0, packet = 0; off < file.length; off += TsPacket.SIZE, packet++) {
            dirty.write(file, off, TsPacket.SIZE);
            if (packet % 20 == 19) { // 1..300 bytes of garbage without a sync byte
                byte[] garbage = new byte[1 + random.nextInt(300)];
                random.nextBytes(garbage);
                for (int i = 0; i < garbage.length; i++) {
                    garbage[i] = garbage[i] == TsPacket.SYNC_BYTE ? 0 : garbage[i];
                }
                dirty.write(garbage);
                runs++;
            }
        }
        assertThat(runs).isGreaterThan(3);
        Path path = Files.write(dir.resolve("garbage-runs.ts"), dirty.toByteArray());
        try (FileLoopSource source = open(path, "?speed=20&loop=false")) {
            assertThat(Arrays.mismatch(read(source, file.length), file)).as("first difference").isEqualTo(-1);
            assertThat(source.read(new byte[188], 0, 188)).isEqualTo(-1);
        }
    }

    @Test
    void dropsAPacketCutShortAndKeepsTheOneAfterIt() throws Exception {
        byte[] file = Files.readAllBytes(clip);
        int cut = 30 * TsPacket.SIZE;
        byte[] dirty = new byte[file.length - 88];
        System.arraycopy(file, 0, dirty, 0, cut + 100); // packet 30 keeps its first 100 bytes
        System.arraycopy(file, cut + TsPacket.SIZE, dirty, cut + 100, file.length - cut - TsPacket.SIZE);
        byte[] expected = new byte[file.length - TsPacket.SIZE];
        System.arraycopy(file, 0, expected, 0, cut);
        System.arraycopy(file, cut + TsPacket.SIZE, expected, cut, file.length - cut - TsPacket.SIZE);
        Path path = Files.write(dir.resolve("cut.ts"), dirty);
        try (FileLoopSource source = open(path, "?speed=20&loop=false")) {
            assertThat(Arrays.mismatch(read(source, expected.length), expected)).as("first difference").isEqualTo(-1);
            assertThat(source.read(new byte[188], 0, 188)).isEqualTo(-1);
        }
    }

    @Test
    void closeFromAnotherThreadEndsAPacedRead() throws Exception {
        FileLoopSource source = open(clip, "?speed=0.01"); // one loop would take 200 s
        byte[] buf = new byte[64 * 1024];
        assertThat(source.read(buf, 0, buf.length)).isPositive(); // up to the second PCR
        var blocked = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                int n;
                while ((n = source.read(buf, 0, buf.length)) > 0) {
                    // keep reading: the source sleeps until the next PCR is due
                }
                return n;
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(100);
        source.close();
        assertThat(blocked.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(-1);
    }

    @Test
    void refusesMissingEmptyAndUnpaceableFiles() throws Exception {
        Path missing = dir.resolve("missing.ts");
        assertThatThrownBy(() -> open(missing, ""))
                .isInstanceOf(IOException.class)
                .hasMessage("source '" + missing.toUri() + "' of channel demo: file " + missing + " does not exist");
        Path zeros = Files.write(dir.resolve("zeros.ts"), new byte[10_000]);
        assertThatThrownBy(() -> open(zeros, "")).hasMessageEndingWith("holds no MPEG-TS packet");
        byte[] psiOnly = Arrays.copyOf(Files.readAllBytes(clip), 188);
        Path pat = Files.write(dir.resolve("pat.ts"), psiOnly);
        assertThatThrownBy(() -> open(pat, "")).hasMessageEndingWith("has no PCR and no PTS to pace it by (1 packets)");
        assertThatThrownBy(() -> open(dir, "")).isInstanceOf(IOException.class).hasMessageContaining(dir.toString());
    }

    @Test
    void channelsOfOneFileShareOneMapping() throws Exception {
        Path path = Files.copy(clip, dir.resolve("shared.ts"));
        FileLoopSource first = open(path, "");
        FileLoopSource second = open(path, "");
        assertThat(second.mapped()).isSameAs(first.mapped());
        first.close();
        FileLoopSource third = open(path, "");
        assertThat(third.mapped()).as("shared while a source still plays it").isSameAs(second.mapped());
        assertThat(read(second, 10 * TsPacket.SIZE)).hasSize(10 * TsPacket.SIZE);
        second.close();
        third.close();
        FileLoopSource fourth = open(path, "");
        assertThat(fourth.mapped()).as("mapped anew after its last source let it go").isNotSameAs(second.mapped());
        fourth.close();
    }

    @Test
    void aFileReplacedWhilePlayingEndsTheSourceAtTheLoopPoint() throws Exception {
        Path path = Files.copy(clip, dir.resolve("replaced.ts"));
        long packets = Files.size(path) / TsPacket.SIZE;
        FileLoopSource source = open(path, "?speed=100");
        readLoops(source, packets, 1);
        Path next = Files.copy(clip, dir.resolve("replaced.ts.new"));
        Files.move(next, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertThatThrownBy(() -> readLoops(source, packets, 1))
                .isInstanceOf(IOException.class)
                .hasMessage("source '" + path.toUri() + "?speed=100' of channel demo: file " + path
                        + " was replaced or changed since it was opened; opening it again");
        source.close();
        FileLoopSource again = open(path, "?speed=100");
        assertThat(readLoops(again, packets, 2)).hasSizeGreaterThanOrEqualTo((int) (2 * packets * TsPacket.SIZE));
        again.close();
    }

    @Test
    void aFileCutShorterWhilePlayingIsAnIoErrorNotACrash() throws Exception {
        Path path = Files.copy(clip, dir.resolve("cut-while-playing.ts"));
        FileLoopSource source = open(path, "?speed=100");
        read(source, 10 * TsPacket.SIZE);
        try (var file = java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.WRITE)) {
            file.truncate(1000);
        }
        assertThatThrownBy(() -> readLoops(source, Long.MAX_VALUE / 4, 1))
                .isInstanceOf(IOException.class)
                .hasMessage("source '" + path.toUri() + "?speed=100' of channel demo: file " + path
                        + " could not be read where it was mapped: was it cut shorter while being played?");
        source.close();
    }
}
