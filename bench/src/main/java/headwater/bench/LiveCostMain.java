package headwater.bench;

import headwater.headend.Channel;
import headwater.headend.ChannelSpec;
import headwater.headend.ChannelState;
import headwater.headend.Headend;
import headwater.headend.SourceProvider;
import headwater.headend.source.SourceContext;
import headwater.headend.source.SourceFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

/**
 * The headend half of {@code bench/live-cost.sh}: runs {@code --channels N} live channels, each a {@code file://}
 * source looping {@code --input} paced by its timestamps, packaged to HLS under {@code --data-dir}, until killed (or
 * for {@code --seconds S}). With {@code --channels 0} it is the idle baseline: the same JVM, the same classes loaded,
 * no channel. Every 10 s it prints how many channels are in each status and the segments produced, so a run that
 * only idles is visible.
 */
public final class LiveCostMain {

    private LiveCostMain() {}

    public static void main(String[] args) throws Exception {
        int channels = 50;
        Path input = Path.of("target/bench-input.ts");
        Path dataDir = Path.of("target/live-cost/headend");
        long seconds = Long.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--channels" -> channels = Integer.parseInt(require(args[i], value));
                case "--input" -> input = Path.of(require(args[i], value));
                case "--data-dir" -> dataDir = Path.of(require(args[i], value));
                case "--seconds" -> seconds = Long.parseLong(require(args[i], value));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: LiveCostMain [--channels N] [--input file.ts] [--data-dir D] [--seconds S]");
            }
            i++;
        }
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("input " + input.toAbsolutePath() + " is missing: run bench/make-input.sh");
        }
        SourceContext context = SourceContext.defaults("bench");
        SourceProvider sources = (spec, uri) -> SourceFactory.create(uri, context.forChannel(spec.id()));
        java.net.URI source = input.toAbsolutePath().toUri();
        List<ChannelSpec> specs = IntStream.range(0, channels)
                .mapToObj(i -> ChannelSpec.of(String.format(Locale.ROOT, "bench-%03d", i), "Bench " + i,
                        List.of(source)))
                .toList();
        Files.createDirectories(dataDir);
        try (Headend headend = new Headend(dataDir, sources, new SimpleMeterRegistry())) {
            headend.start(specs);
            System.out.println("live-cost: " + channels + " channels of " + input + " started under " + dataDir);
            CountDownLatch never = new CountDownLatch(1);
            long deadline = seconds == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                never.await(10, java.util.concurrent.TimeUnit.SECONDS);
                report(headend.channels());
            }
        }
    }

    private static void report(List<Channel> channels) {
        Map<String, Integer> byStatus = new TreeMap<>();
        long segments = 0;
        String lastError = "";
        for (Channel channel : channels) {
            ChannelState state = channel.state();
            byStatus.merge(state.status().name(), 1, Integer::sum);
            segments += state.segmentsProduced();
            if (!state.lastError().isEmpty()) {
                lastError = state.channel() + ": " + state.lastError();
            }
        }
        System.out.println("live-cost: " + byStatus + ", " + segments + " segments produced"
                + (lastError.isEmpty() ? "" : "; last error " + lastError));
    }

    private static String require(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }
}
