package headwater.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.app.config.ArchiveConfig;
import headwater.delivery.ArchivedSegment;
import headwater.domain.archive.ArchiveSpan;
import headwater.headend.SegmentRecorder;
import headwater.headend.archive.Archives;
import headwater.media.hls.MediaSegment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headend's archives as delivery's catalogue and the domain's status, over a real archive directory. */
class HeadendArchivesTest {
    private static final Instant T0 = Instant.parse("2026-11-21T20:00:00Z");

    @TempDir
    Path dir;

    @Test
    void answers_windows_and_spans_from_the_archive() throws IOException {
        try (Archives archives = Archives.open(dir.resolve("archive"), 1L << 30, new SimpleMeterRegistry(),
                InstantSource.fixed(T0.plusSeconds(60)))) {
            SegmentRecorder news = archives.recorder("news", 2);
            Path live = Files.createDirectories(dir.resolve("live"));
            for (int i = 0; i < 4; i++) {
                Path f = live.resolve(i + ".ts");
                Files.write(f, new byte[188 * (i + 1)]);
                news.record(f, new MediaSegment(40 + i, 0, i == 2, 0, 4 * 90_000, T0.plusSeconds(4L * i),
                        188L * (i + 1)));
            }
            HeadendArchives adapter = new HeadendArchives(archives);

            List<ArchivedSegment> window = adapter.window("news", T0.plusSeconds(5), T0.plusSeconds(9));
            assertThat(window).hasSize(2);
            ArchivedSegment first = window.getFirst();
            assertThat(first.sequence()).isEqualTo(1);
            assertThat(first.start()).isEqualTo(T0.plusSeconds(4));
            assertThat(first.end()).isEqualTo(T0.plusSeconds(8));
            assertThat(first.durationMicros()).isEqualTo(4_000_000);
            assertThat(first.sizeBytes()).isEqualTo(376).isEqualTo(Files.size(first.file()));
            assertThat(first.discontinuity()).isFalse();
            assertThat(window.get(1).discontinuity()).as("a source switch in the live stream").isTrue();

            assertThat(adapter.span("news")).contains(new ArchiveSpan(T0, T0.plusSeconds(16), 2));
            assertThat(adapter.span("sport")).isEmpty();
            assertThat(adapter.span(null)).isEmpty();
            assertThat(adapter.window("sport", T0, T0.plusSeconds(60))).isEmpty();
            assertThat(adapter.window("news", null, T0)).isEmpty();

            archives.recorder("news", 0); // the channel stops keeping an archive
            assertThat(adapter.span("news")).isEmpty();
            assertThat(adapter.window("news", T0, T0.plusSeconds(60))).isEmpty();
        }
    }

    @Test
    void opens_the_configured_directory_under_the_data_directory() {
        try (HeadendArchives opened = HeadendArchives.open(ArchiveConfig.defaults(), dir, new SimpleMeterRegistry(),
                InstantSource.system())) {
            assertThat(opened.archives().directory()).isEqualTo(dir.resolve("archive").toAbsolutePath());
            assertThat(opened.archives().maxBytes()).isEqualTo(ArchiveConfig.DEFAULT_MAX_BYTES);
            assertThat(Files.isDirectory(dir.resolve("archive"))).isTrue();
        }
    }
}
