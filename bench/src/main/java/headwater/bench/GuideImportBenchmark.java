package headwater.bench;

import headwater.domain.catalog.ChannelDraft;
import headwater.domain.epg.XmltvGuideGenerator;
import headwater.domain.guide.GuideEntry;
import headwater.domain.guide.GuideFetcher;
import headwater.domain.guide.GuideImport;
import headwater.domain.guide.GuideImportOptions;
import headwater.domain.guide.GuideImportReport;
import headwater.domain.guide.GuideRetention;
import headwater.domain.guide.GuideSourceDraft;
import headwater.domain.guide.NowNext;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.guide.JdbiGuideSourceRepository;
import headwater.store.guide.JdbiGuideStore;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The EPG benchmark end to end: a generated guide of N channels x M programmes (XmltvGuideGenerator, about
 * 300 bytes a programme) imported into the store through {@link GuideImport}, and the latency of guide queries
 * while nothing else runs and while the guide is imported again (a refresh: a new generation written, flipped, the
 * old one deleted). Prints the import times, the peak heap, and p50/p99/max of each query kind in both phases.
 *
 * <p>Usage: {@code GuideImportBenchmark sqlite|<jdbc:postgresql://...> [channels] [programmes] [idleSeconds]}. The
 * guide file is {@code target/guide-<channels>x<programmes>.xml}, generated on first use; SQLite lives in a fresh
 * directory under {@code target/}.
 */
public final class GuideImportBenchmark {

    private static final int QUERY_PERIOD_MS = 20;
    private static final int BATCH_CHANNELS = 100;

    private GuideImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "sqlite";
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int programmes = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int idleSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Path guide = Path.of("target", "guide-" + channels + "x" + programmes + ".xml");
        if (!Files.exists(guide)) {
            long t = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(guide), 1 << 16)) {
                XmltvGuideGenerator.write(out, channels, programmes);
            }
            System.out.printf("generated %s in %.1f s%n", guide, (System.nanoTime() - t) / 1e9);
        }
        System.out.printf("guide %s: %,d bytes; %d channels x %d programmes; %d CPU(s) visible, max heap %.0f MiB%n",
                guide, Files.size(guide), channels, programmes, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576.0);

        // Mid-guide, so that now/next and a day's range have programmes; retention wide enough to keep all.
        Instant now = XmltvGuideGenerator.START.plus(Duration.ofMinutes(30L * programmes / 2)).plusSeconds(600);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        DatabaseConfig config = db.equals("sqlite")
                ? DatabaseConfig.sqlite(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "guide-db-"))
                : DatabaseConfig.postgresql(db, System.getProperty("user", "postgres"), null);
        try (Database database = Database.open(config)) {
            var catalogue = new JdbiChannelRepository(database, clock);
            var sources = new JdbiGuideSourceRepository(database, clock);
            var store = new JdbiGuideStore(database, clock);
            List<ChannelDraft> drafts = new ArrayList<>();
            for (int c = 0; c < channels; c++) {
                drafts.add(ChannelDraft.of("c" + c, c + 1, "Channel " + c).withEpgChannelId(
                        XmltvGuideGenerator.channelId(c)));
            }
            catalogue.createAll(drafts);
            sources.create(GuideSourceDraft.of("bench", "Generated", guide.toString()));
            GuideImport imports = new GuideImport(sources, store, catalogue, GuideFetcher.localFiles(), clock,
                    GuideImportOptions.DEFAULTS.withRetention(new GuideRetention(3650, 3650)));

            System.gc();
            resetPeaks();
            GuideImportReport first = timed("first import (empty store)", () -> imports.refresh("bench"));
            System.out.printf("  %s%n  peak heap during the first import: %.1f MiB%n", first, peakHeap() / 1048576.0);

            Queries idle = new Queries(store, channels, now);
            idle.runFor(Duration.ofSeconds(idleSeconds));
            System.out.println("queries, idle:");
            idle.print();

            System.gc();
            resetPeaks();
            Queries busy = new Queries(store, channels, now);
            Thread queries = Thread.ofPlatform().name("queries").start(busy::runUntilStopped);
            GuideImportReport second = timed("second import (refresh, queries running)", () -> imports.refresh("bench"));
            busy.stop();
            queries.join();
            System.out.printf("  %s%n  peak heap during the second import: %.1f MiB%n", second, peakHeap() / 1048576.0);
            System.out.println("queries, during the second import:");
            busy.print();
        }
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    /**
     * Runs {@code work} and prints its wall-clock time, the CPU time of the thread that ran it (parsing, encoding,
     * SQLite's work in the JDBC calls) and of the whole process (GC, JIT, other threads included). On a machine
     * shared with other jobs the CPU times are the comparable figures.
     */
    private static <T> T timed(String what, Work<T> work) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long t = System.nanoTime();
        long thread = threads.getCurrentThreadCpuTime();
        long process = os.getProcessCpuTime();
        T result = work.run();
        System.out.printf("%s: %.1f s wall clock, %.1f s CPU of the importing thread, %.1f s CPU of the process%n",
                what, (System.nanoTime() - t) / 1e9, (threads.getCurrentThreadCpuTime() - thread) / 1e9,
                (os.getProcessCpuTime() - process) / 1e9);
        return result;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /**
     * Guide queries at a fixed pace (one every {@value #QUERY_PERIOD_MS} ms, in turn: now/next of one channel,
     * now/next of {@value #BATCH_CHANNELS} channels, one channel's next 24 hours), each checked to be a whole guide.
     */
    private static final class Queries {
        private final JdbiGuideStore store;
        private final int channels;
        private final Instant now;
        private final SplittableRandom random = new SplittableRandom(42);
        private final long[][] latencies = new long[3][200_000];
        private final int[] counts = new int[3];
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicLong incomplete = new AtomicLong();

        Queries(JdbiGuideStore store, int channels, Instant now) {
            this.store = store;
            this.channels = channels;
            this.now = now;
        }

        void runFor(Duration duration) throws InterruptedException {
            Thread t = Thread.ofPlatform().start(this::runUntilStopped);
            Thread.sleep(duration.toMillis());
            stop();
            t.join();
        }

        void stop() {
            stopped.set(true);
        }

        void runUntilStopped() {
            long next = System.nanoTime();
            int kind = 0;
            while (!stopped.get()) {
                long t = System.nanoTime();
                switch (kind) {
                    case 0 -> {
                        NowNext nn = store.nowNext("c" + random.nextInt(channels), now);
                        if (nn.now() == null || nn.next() == null) {
                            incomplete.incrementAndGet();
                        }
                    }
                    case 1 -> {
                        int from = random.nextInt(Math.max(1, channels - BATCH_CHANNELS));
                        List<String> ids = new ArrayList<>();
                        for (int c = from; c < Math.min(channels, from + BATCH_CHANNELS); c++) {
                            ids.add("c" + c);
                        }
                        Map<String, NowNext> all = store.nowNext(ids, now);
                        if (all.values().stream().anyMatch(nn -> nn.now() == null)) {
                            incomplete.incrementAndGet();
                        }
                    }
                    default -> {
                        List<GuideEntry> day = store.range("c" + random.nextInt(channels), now,
                                now.plus(Duration.ofHours(24)), 100);
                        if (day.size() < 48) {
                            incomplete.incrementAndGet();
                        }
                    }
                }
                long took = System.nanoTime() - t;
                if (counts[kind] < latencies[kind].length) {
                    latencies[kind][counts[kind]++] = took;
                }
                kind = (kind + 1) % 3;
                next += QUERY_PERIOD_MS * 1_000_000L;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    try {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                } else {
                    next = System.nanoTime();
                }
            }
        }

        void print() {
            String[] names = {"now/next, 1 channel", "now/next, " + BATCH_CHANNELS + " channels", "24 h of 1 channel"};
            for (int k = 0; k < 3; k++) {
                long[] sorted = Arrays.copyOf(latencies[k], counts[k]);
                Arrays.sort(sorted);
                if (sorted.length == 0) {
                    continue;
                }
                System.out.printf("  %-22s n=%5d  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", names[k], sorted.length,
                        sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.99)]
                                / 1e6, sorted[sorted.length - 1] / 1e6);
            }
            System.out.printf("  answers without a whole guide: %d%n", incomplete.get());
        }
    }
}
