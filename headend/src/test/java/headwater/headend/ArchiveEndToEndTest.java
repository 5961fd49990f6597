package headwater.headend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.headend.archive.ArchiveEntry;
import headwater.headend.archive.ArchiveRange;
import headwater.headend.archive.Archives;
import headwater.headend.archive.ChannelArchive;
import headwater.headend.source.SourceContext;
import headwater.media.ts.TsPacket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real ffmpeg-made H.264/AAC stream through the headend into the catch-up archive: the archive keeps segments the
 * live window has long rotated away, a window of them concatenated decodes cleanly and lasts what the index says,
 * their times follow each other, and a restarted headend continues the same archive after a discontinuity.
 */
class ArchiveEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void recordsTheLiveSegmentsAndKeepsThemAcrossARestart() throws Exception {
        Path stream = dir.resolve("stream.ts");
        MediaTools.makeTestStream(stream, 10);
        // at real time: the archive stamps segments with the wall clock when the program clock runs ahead of it
        ChannelSpec spec = ChannelSpec.of("dvr", "DVR", List.of(stream.toUri()))
                .withTargetDuration(Duration.ofSeconds(1))
                .withWindow(3, 0)
                .withArchiveDays(1);
        Path data = dir.resolve("data");
        Path archiveDir = dir.resolve("archive");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SourceContext context = SourceContext.defaults("dvr");
        List<ArchiveEntry> first;
        try (Archives archives = Archives.open(archiveDir, 1L << 30, registry, InstantSource.system());
             Headend headend = new Headend(data, SourceProvider.standard(context), registry, InstantSource.system(),
                     archives)) {
            headend.start(List.of(spec));
            ChannelArchive archive = archives.channel("dvr").orElseThrow();
            await().atMost(Duration.ofSeconds(90)).until(() -> archive.segmentCount() >= 12);
            headend.close();

            first = archive.segments();
            Channel c = headend.channels().getFirst();
            assertThat(c.window().segmentsOnDisk()).as("the live window rotated").hasSizeLessThanOrEqualTo(3);
            assertThat(first).extracting(ArchiveEntry::discontinuity).first().isEqualTo(true);
            assertThat(first.subList(1, first.size())).extracting(ArchiveEntry::discontinuity).containsOnly(false);
            for (int i = 1; i < first.size(); i++) {
                Duration step = Duration.between(first.get(i - 1).end(), first.get(i).start()).abs();
                assertThat(step).as("segment %d follows the one before", i).isLessThan(Duration.ofMillis(1));
            }
            assertThat(registry.get("headwater.archive.segments").tag("channel", "dvr").gauge().value())
                    .isEqualTo(first.size());

            // a window in the middle: from inside segment 5 to inside segment 10
            ArchiveEntry fifth = first.get(5);
            ArchiveEntry tenth = first.get(10);
            List<ArchiveEntry> window = archives.window("dvr", fifth.start().plusMillis(300),
                    tenth.start().plusMillis(300));
            assertThat(window).extracting(ArchiveEntry::sequence)
                    .containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
            Path joined = dir.resolve("window.ts");
            long micros = 0;
            try (OutputStream out = Files.newOutputStream(joined)) {
                for (ArchiveEntry e : window) {
                    assertThat(Files.size(e.file())).isEqualTo(e.sizeBytes());
                    Files.copy(e.file(), out);
                    micros += e.durationMicros();
                }
            }
            byte[] head = new byte[TsPacket.SIZE];
            try (var in = Files.newInputStream(joined)) {
                assertThat(in.readNBytes(head, 0, head.length)).isEqualTo(TsPacket.SIZE);
            }
            assertThat(TsPacket.pid(head, 0)).as("the window starts with a PAT").isEqualTo(TsPacket.PAT_PID);
            assertThat(MediaTools.decodeErrors(joined)).isEmpty();
            assertThat(MediaTools.codecs(joined)).containsExactlyInAnyOrder("h264", "aac");
            // a keyframe every 25 frames and 1 s segments: 25 frames each, none lost in the joins (the durations may
            // be longer by the file loop's pause in the timestamps, so the frames are counted, not the time)
            assertThat(videoFrames(joined)).isEqualTo(25 * window.size());
            assertThat(micros).isGreaterThanOrEqualTo(window.size() * 1_000_000L);
        } finally {
            context.httpClient().close();
        }

        // a restart: the archive is found again and continues after a discontinuity
        SourceContext again = SourceContext.defaults("dvr");
        try (Archives archives = Archives.open(archiveDir, 1L << 30, new SimpleMeterRegistry(), InstantSource.system());
             Headend headend = new Headend(data, SourceProvider.standard(again), new SimpleMeterRegistry(),
                     InstantSource.system(), archives)) {
            ChannelArchive archive = archives.channel("dvr").orElseThrow();
            assertThat(archive.segments()).isEqualTo(first);
            headend.start(List.of(spec));
            int before = first.size();
            await().atMost(Duration.ofSeconds(90)).until(() -> archive.segmentCount() >= before + 2);
            headend.close();
            List<ArchiveEntry> all = archive.segments();
            assertThat(all.subList(0, before)).isEqualTo(first);
            ArchiveEntry resumed = all.get(before);
            assertThat(resumed.sequence()).isGreaterThan(first.getLast().sequence());
            assertThat(resumed.discontinuity()).as("the first segment after the restart").isTrue();
            assertThat(MediaTools.decodeErrors(resumed.file())).isEmpty();
            ArchiveRange span = archives.span("dvr").orElseThrow();
            assertThat(span.first()).isEqualTo(first.getFirst().start());
            assertThat(span.last()).isEqualTo(all.getLast().end());
            assertThat(span.days()).isEqualTo(1);
        } finally {
            again.httpClient().close();
        }
    }

    @Test
    void aBrokenArchiveCostsTheCatchUpNotTheLiveChannel() throws Exception {
        Path stream = dir.resolve("stream.ts");
        Files.write(stream, headwater.testkit.Fixtures.bytes(headwater.testkit.Fixtures.H264_AAC_180P));
        ChannelSpec spec = ChannelSpec.of("dvr", "DVR", List.of(URI.create(stream.toUri() + "?speed=10")))
                .withTargetDuration(Duration.ofSeconds(1))
                .withArchiveDays(1);
        Path archiveDir = Files.createDirectories(dir.resolve("archive"));
        Files.writeString(archiveDir.resolve("dvr"), "a file where the channel's directory should be");
        SourceContext context = SourceContext.defaults("dvr");
        try (Archives archives = Archives.open(archiveDir, 1L << 30, new SimpleMeterRegistry(), InstantSource.system());
             Headend headend = new Headend(dir.resolve("data"), SourceProvider.standard(context),
                     new SimpleMeterRegistry(), InstantSource.system(), archives)) {
            headend.start(List.of(spec));
            Channel c = headend.channel("dvr");
            await().atMost(Duration.ofSeconds(60)).until(() -> c.window().segmentsProduced() >= 2);
            assertThat(archives.channel("dvr")).isEmpty();
        } finally {
            context.httpClient().close();
        }
    }

    @Test
    void changingOnlyTheArchiveDaysKeepsTheChannelPlaying() throws Exception {
        Path stream = dir.resolve("stream.ts");
        Files.write(stream, headwater.testkit.Fixtures.bytes(headwater.testkit.Fixtures.H264_AAC_180P));
        ChannelSpec spec = ChannelSpec.of("dvr", "DVR", List.of(URI.create(stream.toUri() + "?speed=10")))
                .withTargetDuration(Duration.ofSeconds(1));
        SourceContext context = SourceContext.defaults("dvr");
        try (Archives archives = Archives.open(dir.resolve("archive"), 1L << 30, new SimpleMeterRegistry(),
                InstantSource.system());
             Headend headend = new Headend(dir.resolve("data"), SourceProvider.standard(context),
                     new SimpleMeterRegistry(), InstantSource.system(), archives)) {
            headend.start(List.of(spec));
            Channel c = headend.channel("dvr");
            await().atMost(Duration.ofSeconds(60)).until(() -> c.window().segmentsProduced() >= 1);
            assertThat(archives.channel("dvr")).isEmpty();

            headend.replace(spec.withArchiveDays(2));
            assertThat(headend.channel("dvr")).as("not restarted").isSameAs(c);
            assertThat(c.spec().archiveDays()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(60)).until(() -> archives.channel("dvr").map(ChannelArchive::segmentCount)
                    .orElse(0) >= 2);
            assertThat(archives.channel("dvr").orElseThrow().days()).isEqualTo(2);

            headend.replace(spec);
            assertThat(headend.channel("dvr")).isSameAs(c);
            assertThat(archives.channel("dvr")).isEmpty();
            assertThat(dir.resolve("archive/dvr")).doesNotExist();
            long produced = c.window().segmentsProduced();
            await().atMost(Duration.ofSeconds(60)).until(() -> c.window().segmentsProduced() >= produced + 2);
            assertThat(dir.resolve("archive/dvr")).as("nothing recorded after the archive was dropped").doesNotExist();

            headend.replace(spec.withWindow(4, 2));
            assertThat(headend.channel("dvr")).as("anything else restarts it").isNotSameAs(c);
        } finally {
            context.httpClient().close();
        }
    }

    private static int videoFrames(Path file) throws IOException, InterruptedException {
        MediaTools.Result r = MediaTools.run(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-count_frames",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file.toString()));
        return Integer.parseInt(r.out().strip().lines().findFirst().orElseThrow().strip()); // once per program too
    }
}
