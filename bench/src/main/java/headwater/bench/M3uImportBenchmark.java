package headwater.bench;

import headwater.domain.m3u.ImportReport;
import headwater.domain.m3u.ImportedEntry;
import headwater.domain.m3u.M3uParser;
import headwater.domain.m3u.ParsedPlaylist;
import headwater.domain.m3u.PlaylistDiff;
import headwater.domain.m3u.PlaylistEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Issue 3's "import of a 50,000-entry playlist": a playlist made by {@link PlaylistGenerator} and held in memory is
 * parsed by {@link M3uParser} (streaming: each entry goes to a blackhole as it is read), and, separately, matched
 * against the previous import of itself with one entry in ten changed ({@link PlaylistDiff}). Before timing, one pass
 * is checked: every entry read, none skipped. Run:
 * {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main M3uImportBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class M3uImportBenchmark {

    @Param({"50000"})
    public int entries;

    private byte[] playlist;
    private final M3uParser parser = new M3uParser();
    private List<ImportedEntry> previous;
    private List<PlaylistEntry> changed;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        playlist = PlaylistGenerator.generate(entries);
        ParsedPlaylist parsed = parser.read(new ByteArrayInputStream(playlist));
        if (parsed.report().entries() != entries || parsed.report().skippedCount() != 0) {
            throw new IllegalStateException("the generated playlist of " + entries + " entries read as " + parsed.report().summary());
        }
        List<PlaylistEntry> all = parsed.playlist().entries();
        previous = new ArrayList<>(all.size());
        changed = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            PlaylistEntry entry = all.get(i);
            previous.add(new ImportedEntry("source-" + i, entry));
            changed.add(i % 10 == 0 ? PlaylistEntry.of(entry.title() + " (new)", entry.attributes(), entry.url() + "?v=2") : entry);
        }
        System.out.printf("%n[setup] %d entries, %d bytes; diff check: %s%n", entries, playlist.length,
                PlaylistDiff.between(previous, changed).summary());
    }

    @Benchmark
    public ImportReport parse(Blackhole blackhole) throws IOException {
        return parser.parse(new ByteArrayInputStream(playlist), blackhole::consume);
    }

    @Benchmark
    public PlaylistDiff reimportDiff() {
        return PlaylistDiff.between(previous, changed);
    }
}
