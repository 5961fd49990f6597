package headwater.bench;

import headwater.media.hls.HlsSegmenter;
import headwater.media.hls.MediaSegment;
import headwater.media.hls.SegmentSink;
import headwater.media.hls.SegmenterOptions;
import headwater.media.ts.DemuxOptions;
import headwater.media.ts.TsDemuxer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The packager's throughput on one core: an MPEG-TS file held in memory is fed, in 64 KiB reads as from a socket,
 * through {@link TsDemuxer} into {@link HlsSegmenter} (4 s segments) into a sink that discards the segments after
 * touching every write. One operation is one pass over the whole file; the {@code bytes} counter reports input bytes
 * per second. Input: {@code -Dheadwater.bench.input=...} (default {@code target/bench-input.ts}, made by
 * {@code bench/make-input.sh}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PackagingBenchmark {

    @Param({"65536"})
    public int readSize;

    /**
     * {@code discard}: the sink folds each write into a checksum and keeps nothing (the packager alone).
     * {@code copy}: the sink also copies every byte into a reused 16 MiB segment buffer, as an in-memory segment
     * store would (an upper bound of what a real sink adds before any I/O).
     */
    @Param({"discard", "copy"})
    public String sink;

    private final byte[] segmentBuffer = new byte[16 << 20];

    private byte[] input;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path file = Path.of(System.getProperty("headwater.bench.input", "target/bench-input.ts"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("benchmark input " + file.toAbsolutePath()
                    + " is missing: run bench/make-input.sh (or bench/packaging-vs-ffmpeg.sh)");
        }
        input = Files.readAllBytes(file);
        checkOnePass();
    }

    /**
     * A benchmark of a packager that quietly drops its input would look fast: one pass is checked first. The segments
     * must carry at least the input's audio and video (PAT/PMT are rewritten, null packets may go) and be as many as
     * the file's duration allows.
     */
    private void checkOnePass() {
        long[] segments = {0};
        long[] bytes = {0};
        double[] seconds = {0};
        SegmentSink counting = new SegmentSink() {
            @Override
            public void beginSegment(long sequence, boolean discontinuity) {}

            @Override
            public void write(byte[] buf, int off, int len) {
                bytes[0] += len;
            }

            @Override
            public void endSegment(MediaSegment segment) {
                segments[0]++;
                seconds[0] += segment.durationSeconds();
            }
        };
        HlsSegmenter segmenter = new HlsSegmenter(counting, SegmenterOptions.of(Duration.ofSeconds(4)),
                InstantSource.system());
        TsDemuxer demuxer = new TsDemuxer(segmenter, DemuxOptions.DEFAULTS);
        for (int off = 0; off < input.length; off += readSize) {
            demuxer.feed(input, off, Math.min(readSize, input.length - off));
        }
        segmenter.flush();
        System.out.printf(java.util.Locale.ROOT, "%nheadwater.bench: one pass over %d bytes made %d segments, %d bytes,"
                + " %.2f s of media; %d packets demuxed, %d continuity errors%n", input.length, segments[0],
                bytes[0], seconds[0], demuxer.stats().packets(), demuxer.stats().continuityErrors());
        if (bytes[0] < input.length * 0.9 || segments[0] < 2) {
            throw new IllegalStateException("the packager made " + segments[0] + " segments and " + bytes[0]
                    + " bytes from " + input.length + " bytes of input: it is not packaging this stream");
        }
    }

    /** Input bytes packaged, reported by JMH as bytes/s next to the pass rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void clear() {
            bytes = 0;
        }
    }

    /**
     * CPU time of the whole JVM process (benchmark thread, GC, JIT) from the start of the iteration to the end of its
     * last pass, and the bytes packaged in that time: {@code cpuBytes / cpuNanos} is throughput per CPU second,
     * comparable to ffmpeg's user+sys time even when the core is shared. The process CPU clock ticks in 10 ms on
     * Linux, so it is read as a running total over the whole iteration (2 s), never per pass (5..50 ms). Both counters
     * are totals, so their ratio does not depend on how JMH aggregates them.
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class CpuCost {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        public long cpuNanos;
        public long cpuBytes;
        private long iterationStart;

        @Setup(Level.Iteration)
        public void start() {
            cpuNanos = 0;
            cpuBytes = 0;
            iterationStart = OS.getProcessCpuTime();
        }

        void passed(long bytes) {
            cpuBytes += bytes;
            cpuNanos = OS.getProcessCpuTime() - iterationStart;
        }
    }

    @Benchmark
    public long packageFile(Bytes counter, CpuCost cpu, Blackhole blackhole) {
        DiscardingSink out = new DiscardingSink(blackhole, sink.equals("copy") ? segmentBuffer : null);
        HlsSegmenter segmenter = new HlsSegmenter(out, SegmenterOptions.of(Duration.ofSeconds(4)),
                InstantSource.system());
        TsDemuxer demuxer = new TsDemuxer(segmenter, DemuxOptions.DEFAULTS);
        byte[] data = input;
        for (int off = 0; off < data.length; off += readSize) {
            demuxer.feed(data, off, Math.min(readSize, data.length - off));
        }
        segmenter.flush();
        counter.bytes += data.length;
        cpu.passed(data.length);
        return out.checksum;
    }

    /**
     * Takes the segments and keeps nothing but a sum that depends on every write, so no write is optimised away;
     * with a buffer, it also copies each segment's bytes into it (wrapping around when a segment is larger).
     */
    static final class DiscardingSink implements SegmentSink {
        private final Blackhole blackhole;
        private final byte[] copyTo;
        private int position;
        long checksum;

        DiscardingSink(Blackhole blackhole, byte[] copyTo) {
            this.blackhole = blackhole;
            this.copyTo = copyTo;
        }

        @Override
        public void beginSegment(long sequence, boolean discontinuity) {
            checksum += sequence;
            position = 0;
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            if (len > 0) {
                checksum += len + buf[off] + buf[off + len - 1];
                if (copyTo != null) {
                    if (position + len > copyTo.length) {
                        position = 0;
                    }
                    System.arraycopy(buf, off, copyTo, position, len);
                    position += len;
                }
            }
        }

        @Override
        public void endSegment(MediaSegment segment) {
            blackhole.consume(segment);
            if (copyTo != null) {
                checksum += copyTo[position >> 1];
            }
        }
    }
}
