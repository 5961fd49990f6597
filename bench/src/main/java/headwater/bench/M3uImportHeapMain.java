package headwater.bench;

import headwater.domain.m3u.ImportReport;
import headwater.domain.m3u.M3uParser;
import headwater.domain.m3u.ParsedPlaylist;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak heap of importing a 50,000-entry playlist from a file: {@code stream} hands each entry to a consumer that
 * keeps nothing (what an import into the store does), {@code list} keeps every entry in memory. Prints the time of
 * each pass and, after the passes, the heap's peak (the sum of each heap pool's peak, an upper bound) and the
 * maximum heap. Usage: {@code M3uImportHeapMain [stream|list] [entries] [passes]}; the file is
 * {@code target/m3u-<entries>.m3u}, generated on first use.
 */
public final class M3uImportHeapMain {

    private M3uImportHeapMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "stream";
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path file = PlaylistGenerator.generate(entries, Path.of("target", "m3u-" + entries + ".m3u"));
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        var parser = new M3uParser();
        long checksum = 0;
        for (int pass = 1; pass <= passes; pass++) {
            long start = System.nanoTime();
            ImportReport report;
            try (InputStream in = Files.newInputStream(file)) {
                if (mode.equals("list")) {
                    ParsedPlaylist parsed = parser.read(in);
                    report = parsed.report();
                    checksum += parsed.playlist().entries().getLast().url().length();
                } else {
                    long[] sum = {0};
                    report = parser.parse(in, entry -> sum[0] += entry.url().length());
                    checksum += sum[0];
                }
            }
            System.out.printf("pass %d: %s in %.0f ms%n", pass, report.summary(), (System.nanoTime() - start) / 1e6);
        }
        long peak = 0;
        var pools = new StringBuilder();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
                pools.append(String.format("%n  %s: peak %.1f MiB", pool.getName(), pool.getPeakUsage().getUsed() / 1048576.0));
            }
        }
        System.out.println("heap pools:" + pools);
        System.out.printf("mode %s, %d entries, file %d bytes, max heap %.1f MiB, peak heap used %.1f MiB (sum of pool peaks), checksum %d%n",
                mode, entries, Files.size(file), Runtime.getRuntime().maxMemory() / 1048576.0, peak / 1048576.0, checksum);
    }
}
