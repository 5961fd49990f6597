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
import org.openjdk.jmh.annotations.TearDown;
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

    private byte[] input;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path file = Path.of(System.getProperty("headwater.bench.input", "target/bench-input.ts"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("benchmark input " + file.toAbsolutePath()
                    + " is missing: run bench/make-input.sh (or bench/packaging-vs-ffmpeg.sh)");
        }
        input = Files.readAllBytes(file);
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
     * CPU time of the whole JVM process (benchmark thread, GC, JIT) spent in the passes and the bytes they packaged:
     * {@code cpuBytes / cpuNanos} is throughput per CPU second, comparable to ffmpeg's user+sys time even when the
     * core is shared. Both are totals, so their ratio does not depend on how JMH aggregates them.
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class CpuCost {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        public long cpuNanos;
        public long cpuBytes;
        private long started;

        @Setup(Level.Iteration)
        public void clear() {
            cpuNanos = 0;
            cpuBytes = 0;
        }

        @Setup(Level.Invocation)
        public void start() {
            started = OS.getProcessCpuTime();
        }

        @TearDown(Level.Invocation)
        public void stop() {
            cpuNanos += OS.getProcessCpuTime() - started;
        }
    }

    @Benchmark
    public long packageFile(Bytes counter, CpuCost cpu, Blackhole blackhole) {
        DiscardingSink sink = new DiscardingSink(blackhole);
        HlsSegmenter segmenter = new HlsSegmenter(sink, SegmenterOptions.of(Duration.ofSeconds(4)),
                InstantSource.system());
        TsDemuxer demuxer = new TsDemuxer(segmenter, DemuxOptions.DEFAULTS);
        byte[] data = input;
        for (int off = 0; off < data.length; off += readSize) {
            demuxer.feed(data, off, Math.min(readSize, data.length - off));
        }
        segmenter.flush();
        counter.bytes += data.length;
        cpu.cpuBytes += data.length;
        return sink.checksum;
    }

    /** Takes the segments and keeps nothing but a sum that depends on every write, so no write is optimised away. */
    static final class DiscardingSink implements SegmentSink {
        private final Blackhole blackhole;
        long checksum;

        DiscardingSink(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        @Override
        public void beginSegment(long sequence, boolean discontinuity) {
            checksum += sequence;
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            if (len > 0) {
                checksum += len + buf[off] + buf[off + len - 1];
            }
        }

        @Override
        public void endSegment(MediaSegment segment) {
            blackhole.consume(segment);
        }
    }
}
