package headwater.domain.epg;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EPG import benchmark, run by hand (not part of {@code verify}): generates a guide of N channels × M
 * programmes to a file, then streams it through {@link XmltvReader} into a counting listener and prints the time, the
 * throughput and the peak heap. From the worktree root, after {@code ./mvnw -B -q -pl domain -am verify}:
 *
 * <pre>
 * java -Xmx512m -XX:ActiveProcessorCount=1 -cp domain/target/classes:domain/target/test-classes \
 *     headwater.domain.epg.XmltvStreamingBenchmark 1000 1000 /tmp/guide-1000x1000.xml
 * </pre>
 *
 * <p>Figures (2026-11-21, 2 cores shared with other builds, load average 7 to 9, Temurin 25, G1, two runs each):
 * 1,000 × 1,000 = 333,606,752 bytes, generated in 5.0 to 5.5 s; read in 4.6 to 5.5 s (60 to 72 MB/s, 180,000 to
 * 217,000 programmes/s) with peak heap 109 MB at {@code -Xmx512m}, and in 4.8 to 5.6 s with peak heap 11.7 MB at
 * {@code -Xmx32m}: the heap does not grow with the guide.
 */
public final class XmltvStreamingBenchmark {
    private XmltvStreamingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int channels = Integer.parseInt(args[0]);
        int programmes = Integer.parseInt(args[1]);
        Path file = Path.of(args[2]);
        long t0 = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            XmltvGuideGenerator.write(out, channels, programmes);
        }
        long t1 = System.nanoTime();
        long bytes = Files.size(file);
        System.out.printf("generated %d x %d = %,d bytes in %.1f s%n", channels, programmes, bytes, (t1 - t0) / 1e9);
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long[] counts = new long[2];
        XmltvListener counting = new XmltvListener() {
            @Override
            public void channel(EpgChannel channel) {
                counts[0]++;
            }

            @Override
            public void programme(Programme programme) {
                counts[1]++;
            }
        };
        long t2 = System.nanoTime();
        XmltvImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = new XmltvReader().read(in, counting);
        }
        long t3 = System.nanoTime();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        double seconds = (t3 - t2) / 1e9;
        System.out.printf("read %d channels, %d programmes (report: %s) in %.1f s: %.1f MB/s, %,.0f programmes/s%n",
                counts[0], counts[1], report, seconds, bytes / 1e6 / seconds, counts[1] / seconds);
        System.out.printf("peak heap while reading (sum of heap pools' peaks): %.1f MB; max heap %.0f MB%n",
                peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    }
}
