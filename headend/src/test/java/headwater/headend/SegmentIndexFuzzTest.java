package headwater.headend;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import headwater.media.hls.MediaSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code segments.tsv} is read back after a crash, when it may hold anything: a restarted window must survive it
 * (skip what does not parse, never throw) and still continue after the highest sequence on disk.
 * Without JAZZER_FUZZ=1 this runs the seed corpus in SegmentIndexFuzzTestInputs as a regression test;
 * {@code JAZZER_FUZZ=1 ./mvnw -pl headend test -Dtest=SegmentIndexFuzzTest} fuzzes.
 */
class SegmentIndexFuzzTest {
    private static Path dir;

    private static Path dir() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("segment-index-fuzz-");
            dir.toFile().deleteOnExit();
        }
        return dir;
    }

    @FuzzTest(maxDuration = "30s")
    void restoreFromAnyIndex(byte[] input) throws IOException {
        Path d = dir();
        try (var files = Files.list(d)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.write(d.resolve(SegmentIndex.FILE), input);
        Files.write(d.resolve("7.ts"), new byte[188]);
        List<MediaSegment> read = SegmentIndex.read(d, "fuzz");
        assertThat(read).extracting(MediaSegment::sequence).isSorted();
        try (SegmentWindow w = new SegmentWindow(d, "fuzz", 3, 1, Duration.ofSeconds(4))) {
            assertThat(w.nextSequence()).isGreaterThanOrEqualTo(8);
            assertThat(w.segmentsOnDisk().size()).isLessThanOrEqualTo(4);
            for (MediaSegment s : w.segmentsOnDisk()) {
                assertThat(Files.size(d.resolve(s.sequence() + ".ts"))).isEqualTo(s.sizeBytes());
            }
            w.mediaPlaylist();
            w.multivariantPlaylist();
        }
    }
}
