package headwater.bench;

import headwater.domain.catalog.Page;
import headwater.domain.vod.Movie;
import headwater.domain.vod.VodQuery;
import headwater.domain.vod.VodSort;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.vod.JdbiMovieRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a subscriber's film listing costs (the Xtream API's get_vod_streams reads it page by page): a SQLite file of
 * {@code movies} films with probed media, in 20 VOD categories (two each) and 10 packages (three each); the
 * subscriber's plan grants two packages. {@code page}: the first 100 films of the two packages by name;
 * {@code categoryPage}: the same within one category (2,000 films, 600 of them in the plan);
 * {@code emptyCategoryPage}: a category of 2,000 films none of which the plan holds; {@code search}: a name search;
 * {@code newest}: the 100 latest additions. Each includes the COUNT(*) of all matches. Run: {@code java -cp
 * "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main VodListingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class VodListingBenchmark {

    private static final Set<String> PLAN = Set.of("package-3", "package-7");

    @Param({"20000"})
    public int movies;

    private Path dir;
    private Database database;
    private JdbiMovieRepository repository;

    /** Rows written with SQL in one transaction: through the repository each film would be its own fsync'ed commit. */
    @Setup(Level.Trial)
    public void fill() throws IOException {
        dir = Files.createTempDirectory("vod-listing");
        database = Database.open(DatabaseConfig.sqlite(dir));
        database.write(handle -> {
            for (int c = 0; c < 20; c++) {
                handle.execute("INSERT INTO category (id, name, kind, sort_order) VALUES (?, ?, 'VOD', ?)",
                        "category-" + c, "Category " + c, c);
            }
            for (int p = 0; p < 10; p++) {
                handle.execute("INSERT INTO package (id, name) VALUES (?, ?)", "package-" + p, "Package " + p);
            }
            var films = handle.prepareBatch("INSERT INTO movie (id, name, source, plot, release_year, rating, enabled, "
                    + "media_container, media_duration_ms, media_bit_rate, video_codec, video_width, video_height, "
                    + "video_frame_rate, media_audio, media_subtitles, version, created_at, updated_at) VALUES (:id, "
                    + ":name, :source, 'A plot of some length, as films have.', :year, 7.5, :enabled, 'matroska,webm', "
                    + "5400000, 4000000, 'h264', 1920, 1080, 23.976, 'aac:2:eng,ac3:6:deu', 'eng,fra', 1, :at, :at)");
            var categories = handle.prepareBatch("INSERT INTO movie_category (movie_id, category_id, position) "
                    + "VALUES (:id, :category, :position)");
            var packages = handle.prepareBatch("INSERT INTO package_movie (package_id, movie_id) VALUES (:package, :id)");
            for (int n = 0; n < movies; n++) {
                String id = "film-" + n;
                films.bind("id", id).bind("name", "Film " + Integer.toString(n * 7919 % movies, 36) + " " + n)
                        .bind("source", "file:///srv/films/" + id + ".mkv").bind("year", 1950 + n % 75)
                        .bind("enabled", n % 50 != 0).bind("at", 1_700_000_000_000L + n * 60_000L).add();
                for (int k = 0; k < 2; k++) {
                    categories.bind("id", id).bind("category", "category-" + (n + k * 7) % 20).bind("position", k).add();
                }
                for (int k = 0; k < 3; k++) {
                    packages.bind("package", "package-" + (n + k * 3) % 10).bind("id", id).add();
                }
            }
            films.execute();
            categories.execute();
            packages.execute();
            return null;
        });
        repository = new JdbiMovieRepository(database, Clock.systemUTC());
        if (page().total() == 0) {
            throw new IllegalStateException("the plan's packages hold no films");
        }
    }

    @Benchmark
    public Page<Movie> page() {
        return repository.list(VodQuery.firstPage(100).inPackages(PLAN).enabledOnly(true));
    }

    @Benchmark
    public Page<Movie> categoryPage() {
        return repository.list(VodQuery.firstPage(100).inPackages(PLAN).enabledOnly(true).inCategory("category-4"));
    }

    /** A category none of whose films the plan's packages hold: the worst case, nothing ends the search early. */
    @Benchmark
    public Page<Movie> emptyCategoryPage() {
        return repository.list(VodQuery.firstPage(100).inPackages(PLAN).enabledOnly(true).inCategory("category-5"));
    }

    @Benchmark
    public Page<Movie> search() {
        return repository.list(VodQuery.firstPage(100).inPackages(PLAN).enabledOnly(true).nameContaining("a1"));
    }

    @Benchmark
    public Page<Movie> newest() {
        return repository.list(VodQuery.firstPage(100).inPackages(PLAN).enabledOnly(true).sortedBy(VodSort.ADDED, true));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        database.close();
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
