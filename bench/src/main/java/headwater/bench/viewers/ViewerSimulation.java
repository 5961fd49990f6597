package headwater.bench.viewers;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnectOptions;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The viewer simulation of issue 4 ({@code bench/viewers.sh}): opens one playback session per viewer through the
 * admin API, then runs every viewer ({@link Viewer}) against the server for the given time, their starts spread over
 * one target duration, and prints one summary block: requests, errors by kind, time to first byte of playlists and
 * segments, and the server's CPU and memory over the run. Exit status 1 when any request failed.
 */
public final class ViewerSimulation {

    private static final long RAMP_MILLIS = 4_000;
    private static final int MAX_ERROR_KINDS = 20;
    /**
     * The start-up burst (every viewer connecting, its session resumed, the server's and client's JIT) is over after
     * this: first-byte times of requests sent later are also reported on their own, as the steady state.
     */
    private static final long SETTLE_SECONDS = 30;

    private ViewerSimulation() {
    }

    public static void main(String[] args) throws Exception {
        ViewerOptions options;
        try {
            options = ViewerOptions.parse(args, System.getenv("HW_ADMIN_KEY"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options, System.out) ? 0 : 1);
    }

    static boolean run(ViewerOptions o, PrintStream out) throws InterruptedException {
        ProcessUsage server = o.serverPid() > 0 ? new ProcessUsage(o.serverPid(), 100) : null;
        Instant started = Instant.now();
        double cpuBeforeSessions = server == null ? 0 : server.cpuSeconds();
        long openStart = System.nanoTime();
        List<String> tokens = new SessionOpener(o.api(), o.adminKey(), o.sessionBody(), o.channel(),
                o.perSubscriber(), o.openConcurrency()).open(o.viewers());
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        double cpuOpening = server == null ? 0 : server.cpuSeconds() - cpuBeforeSessions;
        System.err.printf(Locale.ROOT, "viewers: %d sessions opened in %.1f s; running for %d s%n", tokens.size(),
                openSeconds, o.seconds());

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(o.eventLoops()));
        HttpClientAgent client = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true).setConnectTimeout(10_000))
                .build();
        HttpConnectOptions target = new HttpConnectOptions().setHost(o.server().getHost())
                .setPort(o.server().getPort()).setConnectTimeout(10_000);
        ErrorCounts errors = new ErrorCounts();
        CountDownLatch finished = new CountDownLatch(tokens.size());
        AtomicLong maxRss = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        if (server != null) {
            sampler.scheduleAtFixedRate(() -> maxRss.accumulateAndGet(server.rssKib(), Math::max), 0, 1,
                    TimeUnit.SECONDS);
        }
        double cpuStart = server == null ? 0 : server.cpuSeconds();
        ProcessUsage self = new ProcessUsage(ProcessHandle.current().pid(), 100);
        double clientCpuStart = self.cpuSeconds();
        long runStart = System.nanoTime();
        long end = runStart + TimeUnit.SECONDS.toNanos(o.seconds());
        long settled = runStart + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
        for (int v = 0; v < tokens.size(); v++) {
            Viewer viewer = new Viewer(vertx, client, target, "/s/" + tokens.get(v) + "/live/" + o.channel() + "/",
                    end, settled, o.timeoutMillis(), errors, finished);
            viewer.start(RAMP_MILLIS * v / tokens.size());
        }
        boolean allDone = finished.await(o.seconds() + 120L, TimeUnit.SECONDS);
        double runSeconds = (System.nanoTime() - runStart) / 1e9;
        double cpu = server == null ? 0 : server.cpuSeconds() - cpuStart;
        double clientCpu = self.cpuSeconds() - clientCpuStart;
        long endRss = server == null ? 0 : server.rssKib();
        long peakRss = server == null ? 0 : server.peakRssKib();
        sampler.shutdownNow();
        if (!allDone) {
            errors.count("viewer: still busy " + (o.seconds() + 120) + " s after the start (" + finished.getCount()
                    + " viewers)");
        }
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("viewers: the client did not close within 10 s");
        }

        List<LoopStats> loops = LoopStats.all();
        LatencySamples playlistTtfb = LatencySamples.merge(loops.stream().map(s -> s.playlistFirstByte).toList());
        LatencySamples segmentTtfb = LatencySamples.merge(loops.stream().map(s -> s.segmentFirstByte).toList());
        LatencySamples segmentWhole = LatencySamples.merge(loops.stream().map(s -> s.segmentWhole).toList());
        LatencySamples playlistSettled = LatencySamples.merge(
                loops.stream().map(s -> s.playlistFirstByteSettled).toList());
        LatencySamples segmentSettled = LatencySamples.merge(loops.stream().map(s -> s.segmentFirstByteSettled).toList());
        long playlists = loops.stream().mapToLong(s -> s.playlists).sum();
        long segments = loops.stream().mapToLong(s -> s.segments).sum();
        long bytes = loops.stream().mapToLong(s -> s.bytes).sum();
        long failures = errors.total();

        out.printf(Locale.ROOT, "%n=== viewer simulation, %s: %d viewers (%d subscribers x up to %d sessions), channel %s,"
                        + " %d s, client %d event loops%n", started.truncatedTo(ChronoUnit.SECONDS), tokens.size(),
                o.subscribers(), o.perSubscriber(), o.channel(), o.seconds(), o.eventLoops());
        out.printf(Locale.ROOT, "sessions opened through the admin API: %d in %.1f s (%.0f per s)%s%n", tokens.size(),
                openSeconds, tokens.size() / openSeconds,
                server == null ? "" : String.format(Locale.ROOT, ", server CPU %.1f s", cpuOpening));
        out.printf(Locale.ROOT, "run: %.1f s; requests %d (%d playlists, %d segments read whole); %.2f GB read,"
                        + " %.3f GB/s (%.2f Gbit/s)%n", runSeconds, playlists + segments + 0L, playlists, segments,
                bytes / 1e9, bytes / 1e9 / runSeconds, bytes * 8 / 1e9 / runSeconds);
        out.printf("errors: %d%n", failures);
        errors.mostFrequent(MAX_ERROR_KINDS).forEach((kind, n) -> out.printf("  %8d  %s%n", n, kind));
        if (errors.kinds() > MAX_ERROR_KINDS) {
            out.printf("  (and %d more kinds)%n", errors.kinds() - MAX_ERROR_KINDS);
        }
        out.println("time to first byte, ms      p50      p99      max    count");
        line(out, "  playlist", playlistTtfb);
        line(out, "  segment", segmentTtfb);
        out.printf("  after the first %d s:%s%n", SETTLE_SECONDS,
                playlistSettled.count() == 0 ? " none (a shorter run)" : "");
        if (playlistSettled.count() > 0) {
            line(out, "  playlist", playlistSettled);
            line(out, "  segment", segmentSettled);
        }
        line(out, "whole segment, ms", segmentWhole);
        out.printf("late cycles %d; segments skipped %d; playlists with nothing new %d; connections opened %d%n",
                loops.stream().mapToLong(s -> s.lateCycles).sum(), loops.stream().mapToLong(s -> s.skipped).sum(),
                loops.stream().mapToLong(s -> s.noNewSegment).sum(), loops.stream().mapToLong(s -> s.connections).sum());
        if (server != null) {
            out.printf(Locale.ROOT, "server pid %d: CPU %.1f s in %.1f s = %.1f %% of one core; RSS max %d MiB (sampled"
                            + " every 1 s), %d MiB at the end, peak since start (VmHWM) %d MiB%n", o.serverPid(), cpu,
                    runSeconds, 100 * cpu / runSeconds, maxRss.get() / 1024, endRss / 1024, peakRss / 1024);
        }
        out.printf(Locale.ROOT, "client: CPU %.1f s = %.1f %% of one core (%d processors); near 100 %% of what it may"
                        + " use, the client, not the server, sets the latencies%n", clientCpu, 100 * clientCpu / runSeconds,
                Runtime.getRuntime().availableProcessors());
        out.println(failures == 0 ? "result: zero errors" : "result: " + failures + " ERRORS");
        out.flush();
        return failures == 0;
    }

    private static void line(PrintStream out, String label, LatencySamples s) {
        out.printf(Locale.ROOT, "%-24s %8.2f %8.2f %8.2f %8d%n", label, s.percentileMillis(50), s.percentileMillis(99),
                s.maxMillis(), s.count());
    }
}
