package headwater.headend.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An archive's {@code index.tsv} is replayed after a crash, when it may hold anything: opening the archives must
 * survive it (skip what does not parse, never throw), keep only segments whose files are there with the listed size,
 * in time order, and number new segments after every number it ever saw. Without JAZZER_FUZZ=1 this runs the seed
 * corpus in ArchiveIndexFuzzTestInputs as a regression test;
 * {@code JAZZER_FUZZ=1 ./mvnw -pl headend test -Dtest=ArchiveIndexFuzzTest} fuzzes.
 */
class ArchiveIndexFuzzTest {
    private static Path dir;

    private static Path dir() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("archive-index-fuzz-");
            dir.toFile().deleteOnExit();
        }
        return dir;
    }

    @FuzzTest(maxDuration = "30s")
    void restoreFromAnyIndex(byte[] input) throws IOException {
        Path root = dir();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(root)).toList()) {
                Files.delete(p);
            }
        }
        Path news = Files.createDirectories(root.resolve("news/0"));
        Files.write(news.resolve("7.ts"), new byte[188]);
        Files.write(news.resolve("8.ts"), new byte[376]);
        Files.write(root.resolve("news/index.tsv"), input);
        try (Archives archives = Archives.open(root, 1L << 30, new SimpleMeterRegistry(),
                InstantSource.fixed(Instant.parse("2026-11-21T12:00:00Z")))) {
            ChannelArchive a = archives.channel("news").orElseThrow();
            List<ArchiveEntry> kept = a.segments();
            assertThat(kept).extracting(ArchiveEntry::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(kept).extracting(ArchiveEntry::start).isSortedAccordingTo(Comparator.naturalOrder());
            for (ArchiveEntry e : kept) {
                assertThat(Files.size(e.file())).isEqualTo(e.sizeBytes());
            }
            assertThat(archives.bytes()).isEqualTo(kept.stream().mapToLong(ArchiveEntry::sizeBytes).sum());
            Path live = Files.createDirectories(root.resolve("live"));
            Path f = Files.write(live.resolve("1.ts"), new byte[188]);
            archives.recorder("news", Math.max(1, a.days())).record(f,
                    new headwater.media.hls.MediaSegment(1, 0, false, 0, 90_000, Instant.parse("2026-11-21T11:59:00Z"),
                            188));
            assertThat(a.segments().getLast().sequence()).isGreaterThanOrEqualTo(9);
            archives.window("news", Instant.MIN, Instant.MAX);
            archives.span("news");
        }
    }
}
