package headwater.bench;

import headwater.domain.catalog.importing.ImportOptions;
import headwater.domain.catalog.importing.PlaylistImportReport;
import headwater.domain.catalog.importing.PlaylistImporter;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.catalog.JdbiCategoryRepository;
import headwater.store.catalog.JdbiPlaylistImportStore;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a generated playlist into a fresh store, the whole way ({@link PlaylistImporter}: parse, diff, three-way
 * merge, batched transactions): the first import, the same playlist again (a no-op), and an edited copy (every tenth
 * entry renamed and moved to a new URL). Prints each phase's wall time, the process's CPU time (all threads, GC and
 * JIT included; the figure to compare on a shared machine) and the heap's peak during it (sum of the heap pools'
 * peaks, reset before the phase).
 *
 * <p>Usage: {@code M3uStoreImportMain [entries] [sqlite|<jdbc:postgresql://...>]}; SQLite goes to a new directory
 * under {@code target/}; a PostgreSQL URL must name an empty database or schema ({@code ?currentSchema=}).
 */
public final class M3uStoreImportMain {

    private M3uStoreImportMain() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        String target = args.length > 1 ? args[1] : "sqlite";
        Path file = PlaylistGenerator.generate(entries, Path.of("target", "m3u-" + entries + ".m3u"));
        Path edited = editedCopy(file, Path.of("target", "m3u-" + entries + "-edited.m3u"));
        DatabaseConfig config = target.equals("sqlite")
                ? DatabaseConfig.sqlite(Files.createTempDirectory(Path.of("target"), "m3u-store-"))
                : DatabaseConfig.postgresql(target, "postgres", null);
        try (Database database = Database.open(config)) {
            var store = new JdbiPlaylistImportStore(database, Clock.systemUTC());
            var importer = new PlaylistImporter(store, new JdbiCategoryRepository(database), Clock.systemUTC());
            System.out.printf("%s, %d entries (%d bytes), max heap %.0f MiB%n", database.description(), entries,
                    Files.size(file), Runtime.getRuntime().maxMemory() / 1048576.0);
            phase("first import", importer, file);
            phase("same playlist again", importer, file);
            phase("edited copy", importer, edited);
        }
    }

    private static void phase(String name, PlaylistImporter importer, Path playlist) throws Exception {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        PlaylistImportReport report;
        try (InputStream in = Files.newInputStream(playlist)) {
            report = importer.importPlaylist("bench.m3u", playlist.toString(), in, ImportOptions.DEFAULTS);
        }
        double millis = (System.nanoTime() - start) / 1e6;
        double cpuMillis = (os.getProcessCpuTime() - cpuStart) / 1e6;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%-20s %7.0f ms wall, %7.0f ms CPU (process), peak heap %6.1f MiB: %s%n", name, millis,
                cpuMillis, peak / 1048576.0, report.summary());
    }

    /** Every tenth entry renamed (its title) and moved to a new URL; its tvg-id stays. */
    private static Path editedCopy(Path file, Path target) throws Exception {
        if (Files.isRegularFile(target)) {
            return target;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        var out = new ArrayList<String>(lines.size());
        int entry = -1;
        boolean editing = false;
        for (String line : lines) {
            if (line.startsWith("#EXTINF")) {
                entry++;
                editing = entry % 10 == 0;
                out.add(editing ? line + " (new)" : line);
            } else if (!line.startsWith("#") && !line.isBlank() && editing) {
                out.add("http://127.0.0.1:8081/moved/" + entry + ".ts");
            } else {
                out.add(line);
            }
        }
        Files.write(target, out, StandardCharsets.UTF_8);
        return target;
    }
}
