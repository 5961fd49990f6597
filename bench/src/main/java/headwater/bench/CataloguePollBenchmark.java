package headwater.bench;

import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.ChannelQuery;
import headwater.domain.catalog.Page;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.catalog.ChannelsFingerprint;
import headwater.store.catalog.JdbiChannelRepository;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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

/**
 * What the server's catalogue poll (app's {@code CatalogueSync}, every 2 s) costs: {@code fingerprint}, the one
 * aggregate query each poll makes, and {@code readEnabled}, what a poll reads when the fingerprint changed: every
 * enabled channel with its sources and categories, in pages of {@value ChannelQuery#MAX_LIMIT}, from a SQLite file of
 * {@code channels} channels (two sources and one category each). The diff against the running specs is map lookups
 * on top. Run: {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main
 * CataloguePollBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class CataloguePollBenchmark {

    @Param({"1000", "10000"})
    public int channels;

    private Path dir;
    private Database database;
    private JdbiChannelRepository repository;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        dir = Files.createTempDirectory("catalogue-poll");
        database = Database.open(DatabaseConfig.sqlite(dir));
        database.write(handle -> handle.execute("INSERT INTO category (id, name, kind, sort_order) VALUES ('news', 'News', 'LIVE', 1)"));
        repository = new JdbiChannelRepository(database, Clock.systemUTC());
        List<ChannelDraft> drafts = IntStream.rangeClosed(1, channels).mapToObj(n -> ChannelDraft.of("channel-" + n, n,
                        "Channel " + n).withCategoryIds(List.of("news")).withSources(List.of(
                        URI.create("udp://239.1." + (n / 250) + "." + (n % 250) + ":5000"),
                        URI.create("https://backup.example/live/" + n + "/index.m3u8")))).toList();
        for (int from = 0; from < drafts.size(); from += 1000) {
            repository.createAll(drafts.subList(from, Math.min(drafts.size(), from + 1000)));
        }
        if (readEnabled().size() != channels) {
            throw new IllegalStateException("expected " + channels + " enabled channels");
        }
    }

    @Benchmark
    public List<Channel> readEnabled() {
        List<Channel> all = new ArrayList<>();
        ChannelQuery query = ChannelQuery.firstPage(ChannelQuery.MAX_LIMIT).enabledOnly(true);
        Page<Channel> page;
        do {
            page = repository.list(query);
            all.addAll(page.items());
            query = query.next();
        } while (page.hasMore());
        return all;
    }

    /** What a poll costs when nothing changed: one aggregate query over the channel table. */
    @Benchmark
    public ChannelsFingerprint fingerprint() {
        return ChannelsFingerprint.read(database);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        database.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
