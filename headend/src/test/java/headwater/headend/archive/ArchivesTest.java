package headwater.headend.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import headwater.headend.SegmentRecorder;
import headwater.media.hls.MediaSegment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive with synthetic segment files (the media path is ArchiveEndToEndTest's): hard links, queries,
 * restart survival and repair, retention by days on an injected clock, the disk budget, deletion at 0 days.
 */
class ArchivesTest {
    private static final Instant T0 = Instant.parse("2026-11-21T05:00:00Z");
    private static final long MB = 1_000_000;

    @TempDir
    Path dir;

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = () -> now.get();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private Path live() throws IOException {
        return Files.createDirectories(dir.resolve("live"));
    }

    private Archives open(long maxBytes) {
        return Archives.open(dir.resolve("archive"), maxBytes, registry, clock);
    }

    /** A finished live segment of {@code bytes} bytes, {@code seconds} long, starting at {@code start}. */
    private void segment(SegmentRecorder recorder, long liveSeq, Instant start, double seconds, int bytes,
                         boolean discontinuity) throws IOException {
        Instant end = start.plusMillis(Math.round(seconds * 1000));
        if (now.get().isBefore(end)) {
            now.set(end); // a live segment is recorded when it ends
        }
        Path f = live().resolve(liveSeq + ".ts");
        byte[] b = new byte[bytes];
        b[0] = 0x47;
        b[bytes - 1] = (byte) liveSeq;
        Files.write(f, b);
        recorder.record(f, new MediaSegment(liveSeq, 0, discontinuity, 0, Math.round(seconds * 90_000), start, bytes));
        if (recorder != SegmentRecorder.NONE) {
            assertThat(Files.getAttribute(f, "unix:nlink")).as("a hard link to the live file").isEqualTo(2);
        }
        Files.delete(f); // the live window rotates it away: the archive must have its own reference
    }

    /** {@code n} contiguous 4 s segments of 1,880 bytes from {@code start}. */
    private void segments(SegmentRecorder recorder, long firstLiveSeq, Instant start, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            segment(recorder, firstLiveSeq + i, start.plusSeconds(4L * i), 4.0, 1880, false);
        }
    }

    @Test
    void recordsHardLinksAndFindsWindowsByTime() throws IOException {
        try (Archives archives = open(100 * MB)) {
            SegmentRecorder news = archives.recorder("news", 3);
            segments(news, 100, T0, 5); // 05:00:00 .. 05:00:20
            segment(news, 105, T0.plusSeconds(60), 4.0, 1880, false); // after a gap of 40 s

            ChannelArchive a = archives.channel("news").orElseThrow();
            List<ArchiveEntry> all = a.segments();
            assertThat(all).extracting(ArchiveEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            assertThat(all).extracting(ArchiveEntry::discontinuity)
                    .as("the first recorded segment and the one after the gap do not continue")
                    .containsExactly(true, false, false, false, false, true);
            assertThat(all.get(2).start()).isEqualTo(T0.plusSeconds(8));
            assertThat(all.get(2).durationMicros()).isEqualTo(4_000_000L);
            assertThat(all.get(2).end()).isEqualTo(T0.plusSeconds(12));
            assertThat(all.get(2).file()).isEqualTo(dir.resolve("archive/news/0/2.ts"));
            assertThat(Files.readAllBytes(all.get(2).file())[1879]).isEqualTo((byte) 102);

            // [from, to): the first segment holds from (starts at or before it)
            assertThat(archives.window("news", T0.plusSeconds(9), T0.plusSeconds(17)))
                    .extracting(ArchiveEntry::sequence).containsExactly(2L, 3L, 4L);
            assertThat(archives.window("news", T0.plusSeconds(8), T0.plusSeconds(12)))
                    .extracting(ArchiveEntry::sequence).containsExactly(2L);
            // from in the gap: the first segment after it
            assertThat(archives.window("news", T0.plusSeconds(30), T0.plusSeconds(90)))
                    .extracting(ArchiveEntry::sequence).containsExactly(5L);
            // before the archive, after it, empty and reversed windows, extreme instants
            assertThat(archives.window("news", T0.minusSeconds(100), T0.plusSeconds(1)))
                    .extracting(ArchiveEntry::sequence).containsExactly(0L);
            assertThat(archives.window("news", T0.plusSeconds(64), T0.plusSeconds(100))).isEmpty();
            assertThat(archives.window("news", T0.plusSeconds(10), T0.plusSeconds(10))).isEmpty();
            assertThat(archives.window("news", T0.plusSeconds(10), T0)).isEmpty();
            assertThat(archives.window("news", Instant.MIN, Instant.MAX)).hasSize(6);
            assertThat(archives.window("sport", T0, T0.plusSeconds(100))).isEmpty();

            assertThat(archives.span("news")).contains(
                    new ArchiveRange(T0, T0.plusSeconds(64), 3, 6, 6 * 1880L));
            assertThat(archives.span("sport")).isEmpty();
            assertThat(archives.bytes()).isEqualTo(6 * 1880L);
            assertThat(registry.get("headwater.archive.bytes").tag("channel", "news").gauge().value())
                    .isEqualTo(6 * 1880.0);
            assertThat(registry.get("headwater.archive.segments").tag("channel", "news").gauge().value())
                    .isEqualTo(6.0);
        }
    }

    @Test
    void aWallClockThatGoesBackALittleIsClampedAndFarDropsWhatItStampedLater() throws IOException {
        try (Archives archives = open(100 * MB)) {
            SegmentRecorder news = archives.recorder("news", 1);
            segments(news, 0, T0, 3); // 0, 4, 8 .. 12
            segment(news, 3, T0.plusSeconds(6), 4.0, 1880, false); // 6 s back: laid after the previous one
            List<ArchiveEntry> all = archives.channel("news").orElseThrow().segments();
            assertThat(all.get(3).start()).isEqualTo(T0.plusSeconds(12));
            assertThat(all.get(3).discontinuity()).isTrue();

            // an hour back: 05:00:00..05:00:16 were stamped with a clock an hour fast
            segment(news, 4, T0.minusSeconds(3600), 4.0, 1880, false);
            segment(news, 5, T0.minusSeconds(3596), 4.0, 1880, false);
            all = archives.channel("news").orElseThrow().segments();
            assertThat(all).extracting(ArchiveEntry::sequence).containsExactly(4L, 5L);
            assertThat(all.getFirst().start()).isEqualTo(T0.minusSeconds(3600));
            assertThat(all.getFirst().discontinuity()).isTrue();
            assertThat(archives.bytes()).isEqualTo(2 * 1880L);
            assertThat(dir.resolve("archive/news/0/0.ts")).doesNotExist();
            assertThat(archives.window("news", T0, T0.plusSeconds(20))).isEmpty();
        }
        try (Archives archives = open(100 * MB)) {
            assertThat(archives.channel("news").orElseThrow().segments()).extracting(ArchiveEntry::sequence)
                    .containsExactly(4L, 5L);
        }
    }

    @Test
    void aProgramClockAheadOfTheWallClockIsReplacedByTheWallClock() throws IOException {
        try (Archives archives = open(100 * MB)) {
            SegmentRecorder news = archives.recorder("news", 1);
            segments(news, 0, T0, 2); // 05:00:00 .. 05:00:08, the clock at 05:00:08
            Path f = live().resolve("2.ts");
            Files.write(f, new byte[188]);
            now.set(T0.plusSeconds(12));
            // stamped 05:00:30 but ended at 05:00:12: a source that came faster than real time
            news.record(f, new MediaSegment(2, 0, false, 0, 360_000, T0.plusSeconds(30), 188));
            // 1.5 s ahead: within the tolerance, kept
            Files.write(f = live().resolve("3.ts"), new byte[188]);
            now.set(T0.plusSeconds(14));
            news.record(f, new MediaSegment(3, 0, false, 0, 360_000, T0.plusSeconds(11).plusMillis(500), 188));
            List<ArchiveEntry> all = archives.channel("news").orElseThrow().segments();
            assertThat(all.get(2).start()).isEqualTo(T0.plusSeconds(8));
            assertThat(all.get(2).discontinuity()).isFalse();
            assertThat(all.get(3).start()).isEqualTo(T0.plusSeconds(11).plusMillis(500));
        }
    }

    @Test
    void survivesARestartAndRepairsWhatACrashLeft() throws IOException {
        Path news;
        try (Archives archives = open(100 * MB)) {
            SegmentRecorder r = archives.recorder("news", 2);
            segments(r, 0, T0, 6);
            news = archives.channel("news").orElseThrow().directory();
        }
        // a crash: one file lost, one cut short, an unlisted complete file, a partial copy and a torn index line
        Files.delete(news.resolve("0/1.ts"));
        Files.write(news.resolve("0/3.ts"), new byte[188]);
        Files.write(news.resolve("0/6.ts"), new byte[1880]);
        Files.write(news.resolve("0/7.ts.part"), new byte[100]);
        Files.writeString(news.resolve("index.tsv"), "8\t17952", StandardOpenOption.APPEND);

        try (Archives archives = open(100 * MB)) {
            ChannelArchive a = archives.channel("news").orElseThrow();
            assertThat(a.days()).as("the retention comes back with the archive").isEqualTo(2);
            assertThat(a.segments()).extracting(ArchiveEntry::sequence).containsExactly(0L, 2L, 4L, 5L);
            try (Stream<Path> files = Files.list(news.resolve("0"))) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted())
                        .containsExactly("0.ts", "2.ts", "4.ts", "5.ts");
            }
            assertThat(archives.bytes()).isEqualTo(4 * 1880L);
            assertThat(Files.readString(news.resolve("index.tsv"), StandardCharsets.UTF_8))
                    .startsWith("# headwater archive index 1\ndays\t2\n")
                    .doesNotContain("17952\n");

            // recording continues after the highest number ever used (6 was on disk), with a discontinuity
            SegmentRecorder r = archives.recorder("news", 2);
            assertThat(r).isSameAs(a);
            segment(r, 0, T0.plusSeconds(100), 4.0, 1880, false);
            assertThat(a.segments().getLast().sequence()).isEqualTo(7L);
            assertThat(a.segments().getLast().discontinuity()).isTrue();
        }
        try (Archives archives = open(100 * MB)) {
            assertThat(archives.channel("news").orElseThrow().segments()).extracting(ArchiveEntry::sequence)
                    .containsExactly(0L, 2L, 4L, 5L, 7L);
        }
    }

    @Test
    void deletesWhatEndedMoreThanItsDaysAgo() throws IOException {
        try (Archives archives = open(100 * MB)) {
            SegmentRecorder news = archives.recorder("news", 1);
            SegmentRecorder sport = archives.recorder("sport", 2);
            segments(news, 0, T0, 3);   // ends 05:00:12
            segments(sport, 0, T0, 3);
            now.set(T0.plus(Duration.ofDays(1)).plusSeconds(8)); // news' first two ended more than a day ago
            archives.sweep();
            assertThat(archives.channel("news").orElseThrow().segments()).extracting(ArchiveEntry::sequence)
                    .containsExactly(2L);
            assertThat(archives.channel("sport").orElseThrow().segmentCount()).isEqualTo(3);
            assertThat(Files.exists(dir.resolve("archive/news/0/0.ts"))).isFalse();
            assertThat(Files.exists(dir.resolve("archive/news/0/2.ts"))).isTrue();
            assertThat(registry.get("headwater.archive.deletions").tag("channel", "news").tag("reason", "days")
                    .counter().count()).isEqualTo(2.0);

            // recording also applies it, without a sweep
            now.set(T0.plus(Duration.ofDays(2)).plusSeconds(100));
            segment(sport, 3, now.get(), 4.0, 1880, false);
            assertThat(archives.channel("sport").orElseThrow().segments()).extracting(ArchiveEntry::sequence)
                    .containsExactly(3L);
            assertThat(archives.bytes()).isEqualTo(2 * 1880L);
        }
        // the deletions survive a restart (the index says so)
        try (Archives archives = open(100 * MB)) {
            assertThat(archives.channel("news").orElseThrow().segments()).isEmpty();
            assertThat(archives.channel("sport").orElseThrow().segments()).extracting(ArchiveEntry::sequence)
                    .containsExactly(3L);
        }
    }

    @Test
    void keepsAllArchivesWithinTheBudgetDeletingTheOldestFirst() throws IOException {
        try (Archives archives = open(10_000)) {
            SegmentRecorder news = archives.recorder("news", 7);
            SegmentRecorder sport = archives.recorder("sport", 7);
            segments(news, 0, T0, 2);                 // 05:00:00, 05:00:04
            segments(sport, 0, T0.plusSeconds(2), 2); // 05:00:02, 05:00:06
            assertThat(archives.bytes()).isEqualTo(4 * 1880L);
            segment(news, 2, T0.plusSeconds(8), 4.0, 1880, false);  // 5 × 1,880 = 9,400: fits
            segment(sport, 2, T0.plusSeconds(10), 4.0, 1880, false); // 11,280: the oldest (news 0) goes
            assertThat(archives.bytes()).isEqualTo(5 * 1880L).isLessThanOrEqualTo(10_000);
            assertThat(archives.channel("news").orElseThrow().segments()).extracting(ArchiveEntry::sequence)
                    .containsExactly(1L, 2L);
            segment(news, 3, T0.plusSeconds(12), 4.0, 1880, false); // then sport 0
            assertThat(archives.channel("sport").orElseThrow().segments()).extracting(ArchiveEntry::sequence)
                    .containsExactly(1L, 2L);
            assertThat(registry.get("headwater.archive.deletions").tag("channel", "sport").tag("reason", "budget")
                    .counter().count()).isEqualTo(1.0);
        }
        // a smaller budget at the next start applies at once
        try (Archives archives = open(4_000)) {
            assertThat(archives.bytes()).isEqualTo(2 * 1880L);
            assertThat(archives.channel("news").orElseThrow().segments()).extracting(ArchiveEntry::sequence)
                    .containsExactly(3L);
            assertThat(archives.channel("sport").orElseThrow().segments()).extracting(ArchiveEntry::sequence)
                    .containsExactly(2L);
        }
    }

    @Test
    void zeroDaysDeletesTheChannelsArchive() throws IOException {
        try (Archives archives = open(100 * MB)) {
            segments(archives.recorder("news", 1), 0, T0, 2);
            assertThat(archives.recorder("news", 0)).isSameAs(SegmentRecorder.NONE);
            assertThat(archives.channel("news")).isEmpty();
            assertThat(archives.bytes()).isZero();
            assertThat(Files.exists(dir.resolve("archive/news"))).isFalse();
            assertThat(registry.find("headwater.archive.bytes").tag("channel", "news").gauge()).isNull();
            assertThatThrownBy(() -> archives.recorder("news", -1)).hasMessageContaining("0 or more");
        }
        assertThatThrownBy(() -> open(0)).hasMessageContaining("at least 1 byte");
    }

    @Test
    void compactsItsIndexAsSegmentsAgeOut() throws IOException {
        try (Archives archives = open(100 * MB)) {
            SegmentRecorder r = archives.recorder("news", 1);
            for (int i = 0; i < 3000; i++) {
                now.set(T0.plusSeconds(4L * i).plus(Duration.ofDays(1)).minusSeconds(40)); // keeps about 10
                segment(r, i, T0.plusSeconds(4L * i), 4.0, 188, false);
            }
            ChannelArchive a = archives.channel("news").orElseThrow();
            assertThat(a.segmentCount()).isBetween(5, 15);
            long lines = Files.readAllLines(a.directory().resolve("index.tsv")).size();
            assertThat(lines).as("the index is rewritten, not only appended to").isLessThan(2 * 15 + 1024 + 10);
            try (Stream<Path> blocks = Files.list(a.directory())) {
                assertThat(blocks.map(p -> p.getFileName().toString()).sorted())
                        .as("emptied sub-directories are removed").containsExactly("2", "index.tsv");
            }
            List<Long> kept = a.segments().stream().map(ArchiveEntry::sequence).toList();
            try (Archives again = open(100 * MB)) {
                assertThat(again.channel("news").orElseThrow().segments()).extracting(ArchiveEntry::sequence)
                        .isEqualTo(kept);
            }
        }
    }

    @Test
    void channelsRecordingWhileOthersQueryAndSweepKeepTheAccountsRight() throws Exception {
        now.set(T0.plus(Duration.ofDays(100)));
        try (Archives archives = open(200 * 1880L)) {
            List<Thread> threads = new java.util.ArrayList<>();
            java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
            for (String id : List.of("news", "sport", "music")) {
                SegmentRecorder r = archives.recorder(id, 365);
                Path live = Files.createDirectories(dir.resolve("live-" + id));
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; i < 1500; i++) {
                            Path f = live.resolve(i + ".ts");
                            Files.write(f, new byte[1880]);
                            r.record(f, new MediaSegment(i, 0, false, 0, 360_000, T0.plusSeconds(4L * i), 1880));
                            Files.delete(f);
                        }
                    } catch (Throwable t) {
                        failed.compareAndSet(null, t);
                    }
                }));
            }
            java.util.concurrent.atomic.AtomicBoolean recording = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    while (recording.get()) {
                        for (String id : List.of("news", "sport", "music")) {
                            List<ArchiveEntry> w = archives.window(id, T0.plusSeconds(100), T0.plusSeconds(5000));
                            assertThat(w).extracting(ArchiveEntry::sequence).isSorted();
                            archives.span(id);
                        }
                        archives.sweep();
                    }
                } catch (Throwable t) {
                    failed.compareAndSet(null, t);
                }
            });
            for (Thread t : threads) {
                t.join();
            }
            recording.set(false);
            reader.join();
            assertThat(failed.get()).isNull();

            long onDisk;
            try (Stream<Path> walk = Files.walk(dir.resolve("archive"))) {
                onDisk = walk.filter(p -> p.toString().endsWith(".ts")).mapToLong(p -> {
                    try {
                        return Files.size(p);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).sum();
            }
            long listed = archives.channels().stream().mapToLong(ChannelArchive::bytes).sum();
            assertThat(archives.bytes()).isEqualTo(listed).isEqualTo(onDisk).isLessThanOrEqualTo(200 * 1880L);
            assertThat(listed).isEqualTo(200 * 1880L);
        }
    }

    @Test
    void copiesWhenTheLiveSegmentsAreOnAnotherFileSystem() throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeThat(Files.isDirectory(shm) && !Files.getFileStore(shm).equals(Files.getFileStore(dir)))
                .as("/dev/shm is another file system").isTrue();
        Path other = Files.createTempDirectory(shm, "archive-test");
        try (Archives archives = open(100 * MB)) {
            SegmentRecorder r = archives.recorder("news", 1);
            for (int i = 0; i < 2; i++) {
                Path f = other.resolve(i + ".ts");
                Files.write(f, new byte[376]);
                r.record(f, new MediaSegment(i, 0, false, 0, 360_000, T0.plusSeconds(4L * i), 376));
                Files.delete(f);
            }
            List<ArchiveEntry> all = archives.channel("news").orElseThrow().segments();
            assertThat(all).hasSize(2);
            assertThat(Files.size(all.get(1).file())).isEqualTo(376);
        } finally {
            try (Stream<Path> s = Files.list(other)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(other);
        }
    }
}
