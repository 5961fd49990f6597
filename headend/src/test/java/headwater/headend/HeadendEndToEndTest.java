package headwater.headend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import headwater.headend.source.SourceContext;
import headwater.media.hls.MediaSegment;
import headwater.media.ts.TsPacket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real ffmpeg process as the preferred source and a file loop as the backup, through the whole headend: every
 * segment decodes, a killed ffmpeg fails over to the backup within two target durations (on the program clock the
 * playlist shows) and the channel returns to ffmpeg when it runs again.
 */
class HeadendEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void ffmpegSourceFailsOverToTheBackupAndBack() throws Exception {
        Path stream = dir.resolve("stream.ts");
        MediaTools.makeTestStream(stream, 10);
        URI ffmpeg = URI.create("ffmpeg:" + stream + "#re&loop");
        URI backup = URI.create(stream.toUri() + "?speed=1");
        ChannelSpec spec = ChannelSpec.of("e2e", "End to end", List.of(ffmpeg, backup))
                .withTargetDuration(Duration.ofSeconds(2))
                .withWindow(3, 100);
        SourceContext context = SourceContext.defaults("e2e");
        Path data = dir.resolve("data");
        try (Headend headend = new Headend(data, SourceProvider.standard(context), new SimpleMeterRegistry())) {
            headend.start(List.of(spec));
            Channel c = headend.channel("e2e");
            assertThat(headend.channels()).containsExactly(c);
            assertThatThrownBy(() -> headend.channel("news")).hasMessage("no channel news: the channels are [e2e]");

            await().atMost(Duration.ofSeconds(30)).until(() -> c.window().segmentsProduced() >= 2);
            assertThat(c.state().status()).isEqualTo(ChannelStatus.LIVE);
            assertThat(c.state().sourceIndex()).isZero();

            // a TS viewer: starts on the current segment's PAT/PMT/keyframe and decodes cleanly
            ByteArrayOutputStream viewed = new ByteArrayOutputStream();
            LiveTsSubscription viewer = c.subscribe((buf, off, len) -> {
                synchronized (viewed) {
                    viewed.write(buf, off, len);
                }
            });
            long until = c.window().segmentsProduced() + 2;
            await().atMost(Duration.ofSeconds(30)).until(() -> c.window().segmentsProduced() >= until);
            viewer.close();
            byte[] v;
            synchronized (viewed) {
                v = viewed.toByteArray();
            }
            assertThat(v.length).isPositive();
            assertThat(v.length % TsPacket.SIZE).isZero();
            assertThat(TsPacket.pid(v, 0)).as("a viewer starts with a PAT").isEqualTo(TsPacket.PAT_PID);
            // closing the viewer cut the stream wherever it was, perhaps inside a frame; decode up to the last
            // segment start (a PAT), so every frame the check sees is whole
            int lastPat = 0;
            for (int at = 0; at < v.length; at += TsPacket.SIZE) {
                if (TsPacket.pid(v, at) == TsPacket.PAT_PID) {
                    lastPat = at;
                }
            }
            assertThat(lastPat).as("the viewer saw a segment start after its first").isPositive();
            Path viewerFile = dir.resolve("viewer.ts");
            Files.write(viewerFile, Arrays.copyOf(v, lastPat));
            assertThat(MediaTools.decodeErrors(viewerFile)).isEmpty();

            // kill the ffmpeg process: the channel goes to the backup, then back to ffmpeg (a new process)
            long before = c.state().switches();
            List<ProcessHandle> ffmpegs = ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().orElse("").endsWith("ffmpeg")).toList();
            assertThat(ffmpegs).hasSize(1);
            ffmpegs.getFirst().destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).until(() -> c.state().sourceIndex() == 1
                    && c.state().status() == ChannelStatus.LIVE);
            long atBackup = c.window().segmentsProduced();
            await().atMost(Duration.ofSeconds(60)).until(() -> c.state().sourceIndex() == 0
                    && c.state().status() == ChannelStatus.LIVE && c.window().segmentsProduced() >= atBackup + 1);
            long back = c.window().segmentsProduced();
            await().atMost(Duration.ofSeconds(30)).until(() -> c.window().segmentsProduced() >= back + 2);
            assertThat(c.state().switches() - before).isEqualTo(2);
            assertThat(c.state().codecs()).hasSize(2);
            assertThat(c.state().resolution()).isEqualTo("320x180");

            List<MediaSegment> segments = c.window().segmentsOnDisk();
            List<MediaSegment> cuts = segments.stream().filter(MediaSegment::discontinuity).toList();
            assertThat(cuts).as("one discontinuity per switch").hasSize(2);
            MediaSegment firstOnBackup = cuts.getFirst();
            MediaSegment lastOnFfmpeg = segments.get(segments.indexOf(firstOnBackup) - 1);
            Instant endOfFfmpeg = lastOnFfmpeg.programDateTime()
                    .plusNanos(lastOnFfmpeg.duration90k() * 100_000L / 9);
            assertThat(Duration.between(endOfFfmpeg, firstOnBackup.programDateTime()))
                    .as("program time lost to the failover")
                    .isLessThanOrEqualTo(spec.targetDuration().multipliedBy(2));
            MediaSegment firstBack = cuts.get(1);
            MediaSegment lastOnBackup = segments.get(segments.indexOf(firstBack) - 1);
            Instant endOfBackup = lastOnBackup.programDateTime().plusNanos(lastOnBackup.duration90k() * 100_000L / 9);
            assertThat(Duration.between(endOfBackup, firstBack.programDateTime()))
                    .as("program time lost switching back")
                    .isLessThanOrEqualTo(spec.targetDuration().multipliedBy(2));

            String playlist = new String(c.window().mediaPlaylist().orElseThrow(), StandardCharsets.UTF_8);
            assertThat(playlist).startsWith("#EXTM3U\n").contains("#EXT-X-PROGRAM-DATE-TIME:");
            String multivariant = new String(c.window().multivariantPlaylist().orElseThrow(), StandardCharsets.UTF_8);
            assertThat(multivariant).contains("CODECS=\"avc1.").contains(",mp4a.40.2\"").contains("RESOLUTION=320x180");

            for (MediaSegment s : segments) {
                Path file = c.window().segment(s.sequence()).path();
                byte[] head = new byte[TsPacket.SIZE];
                try (var in = Files.newInputStream(file)) {
                    assertThat(in.readNBytes(head, 0, head.length)).isEqualTo(TsPacket.SIZE);
                }
                assertThat(TsPacket.pid(head, 0)).as("segment %d starts with a PAT", s.sequence()).isZero();
                assertThat(MediaTools.decodeErrors(file)).as("decoding segment %d", s.sequence()).isEmpty();
                assertThat(MediaTools.codecs(file)).as("codecs of segment %d", s.sequence())
                        .containsExactlyInAnyOrder("h264", "aac");
            }
        } finally {
            context.httpClient().close();
        }
        try (var files = Files.list(Headend.liveDirectory(data, "e2e"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }
}
