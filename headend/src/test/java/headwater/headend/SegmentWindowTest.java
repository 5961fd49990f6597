package headwater.headend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.media.hls.MediaSegment;
import headwater.media.ts.Codec;
import headwater.media.ts.StreamFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentWindowTest {
    private static final Instant T0 = Instant.parse("2026-11-21T05:00:00Z");

    @TempDir
    Path dir;

    /** Writes one segment of {@code packets} 188-byte packets lasting {@code seconds}. */
    static void segment(SegmentWindow w, long seq, boolean discontinuity, int packets, double seconds, Instant pdt) {
        w.beginSegment(seq, discontinuity);
        byte[] p = new byte[188];
        p[0] = 0x47;
        for (int i = 0; i < packets; i++) {
            p[4] = (byte) i;
            w.write(p, 0, 188);
        }
        w.endSegment(new MediaSegment(seq, 0, discontinuity, 0, Math.round(seconds * 90_000), pdt, packets * 188L));
    }

    private SegmentWindow window(int size, int extra) throws IOException {
        return new SegmentWindow(dir, "news-hd", size, extra, Duration.ofSeconds(4));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void rotatesFilesAndListsTheLastWindow() throws IOException {
        try (SegmentWindow w = window(3, 2)) {
            for (int i = 0; i < 7; i++) {
                segment(w, i, false, 10 + i, 4.0, T0.plusSeconds(4L * i));
            }
            assertThat(files()).containsExactly("2.ts", "3.ts", "4.ts", "5.ts", "6.ts", "segments.tsv");
            assertThat(w.playlistSegments()).extracting(MediaSegment::sequence).containsExactly(4L, 5L, 6L);
            assertThat(w.segmentsOnDisk()).extracting(MediaSegment::sequence).containsExactly(2L, 3L, 4L, 5L, 6L);
            SegmentFile f = w.segment(5);
            assertThat(f.path()).isEqualTo(dir.resolve("5.ts"));
            assertThat(f.sizeBytes()).isEqualTo(15 * 188L).isEqualTo(Files.size(f.path()));
            assertThat(w.segmentsProduced()).isEqualTo(7);
        }
    }

    @Test
    void segmentIsAPartFileUntilComplete() throws IOException {
        try (SegmentWindow w = window(3, 0)) {
            w.beginSegment(0, false);
            byte[] p = new byte[188];
            p[0] = 0x47;
            w.write(p, 0, 188);
            w.flush();
            assertThat(files()).contains("0.ts.part").doesNotContain("0.ts");
            assertThat(Files.size(dir.resolve("0.ts.part"))).isEqualTo(188);
            assertThatThrownBy(() -> w.segment(0)).isInstanceOf(SegmentUnavailableException.class)
                    .hasMessage("segment 0 of channel news-hd is not yet produced: no segment is complete yet");
            assertThat(w.mediaPlaylist()).isEmpty();
            w.endSegment(new MediaSegment(0, 0, false, 0, 360_000, T0, 188));
            assertThat(files()).contains("0.ts").doesNotContain("0.ts.part");
            assertThat(w.mediaPlaylist()).isPresent();
        }
    }

    @Test
    void missingSegmentsSayWhetherGoneOrNotYetProduced() throws IOException {
        try (SegmentWindow w = window(3, 1)) {
            for (int i = 0; i < 10; i++) {
                segment(w, i, false, 1, 4.0, T0.plusSeconds(4L * i));
            }
            assertThatThrownBy(() -> w.segment(5))
                    .isInstanceOfSatisfying(SegmentUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(SegmentUnavailableException.Reason.GONE))
                    .hasMessage("segment 5 of channel news-hd is gone: window is 6..9");
            assertThatThrownBy(() -> w.segment(10))
                    .isInstanceOfSatisfying(SegmentUnavailableException.class,
                            e -> assertThat(e.reason()).isEqualTo(SegmentUnavailableException.Reason.NOT_YET_PRODUCED))
                    .hasMessage("segment 10 of channel news-hd is not yet produced: window is 6..9");
        }
    }

    @Test
    void playlistsAreOneInstancePerVersion() throws IOException {
        try (SegmentWindow w = window(3, 1)) {
            assertThat(w.mediaPlaylist()).isEmpty();
            segment(w, 0, false, 10, 4.0, T0);
            byte[] first = w.mediaPlaylist().orElseThrow();
            byte[] variants = w.multivariantPlaylist().orElseThrow();
            assertThat(w.mediaPlaylist().orElseThrow()).as("same version, same array").isSameAs(first);
            assertThat(w.multivariantPlaylist().orElseThrow()).isSameAs(variants);

            segment(w, 1, false, 10, 4.0, T0.plusSeconds(4));
            assertThat(w.mediaPlaylist().orElseThrow()).as("a new version, a new array").isNotSameAs(first)
                    .isNotEqualTo(first);
        }
    }

    @Test
    void mediaPlaylistIsRenderedExactly() throws IOException {
        try (SegmentWindow w = window(3, 1)) {
            segment(w, 0, false, 10, 4.0, T0);
            segment(w, 1, false, 10, 4.004, T0.plusMillis(4000));
            segment(w, 2, true, 10, 3.52, T0.plusMillis(9000));
            segment(w, 3, false, 10, 4.48, T0.plusMillis(12520));
            assertThat(new String(w.mediaPlaylist().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("""
                    #EXTM3U
                    #EXT-X-VERSION:3
                    #EXT-X-TARGETDURATION:4
                    #EXT-X-MEDIA-SEQUENCE:1
                    #EXT-X-DISCONTINUITY-SEQUENCE:0
                    #EXT-X-INDEPENDENT-SEGMENTS
                    #EXT-X-PROGRAM-DATE-TIME:2026-11-21T05:00:04.000Z
                    #EXTINF:4.004,
                    1.ts
                    #EXT-X-DISCONTINUITY
                    #EXT-X-PROGRAM-DATE-TIME:2026-11-21T05:00:09.000Z
                    #EXTINF:3.520,
                    2.ts
                    #EXT-X-PROGRAM-DATE-TIME:2026-11-21T05:00:12.520Z
                    #EXTINF:4.480,
                    3.ts
                    """);
            segment(w, 4, false, 10, 4.0, T0.plusMillis(17000));
            segment(w, 5, false, 10, 5.6, T0.plusMillis(21000));
            assertThat(new String(w.mediaPlaylist().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("""
                    #EXTM3U
                    #EXT-X-VERSION:3
                    #EXT-X-TARGETDURATION:6
                    #EXT-X-MEDIA-SEQUENCE:3
                    #EXT-X-DISCONTINUITY-SEQUENCE:1
                    #EXT-X-INDEPENDENT-SEGMENTS
                    #EXT-X-PROGRAM-DATE-TIME:2026-11-21T05:00:12.520Z
                    #EXTINF:4.480,
                    3.ts
                    #EXT-X-PROGRAM-DATE-TIME:2026-11-21T05:00:17.000Z
                    #EXTINF:4.000,
                    4.ts
                    #EXT-X-PROGRAM-DATE-TIME:2026-11-21T05:00:21.000Z
                    #EXTINF:5.600,
                    5.ts
                    """);
        }
    }

    @Test
    void multivariantPlaylistCarriesBandwidthCodecsAndResolution() throws IOException {
        try (SegmentWindow w = window(3, 0)) {
            w.streamFormats(List.of(StreamFormat.audio(Codec.AAC, "mp4a.40.2", 48_000, 2),
                    StreamFormat.video(Codec.H264, "avc1.64001f", 1280, 720, 25)));
            segment(w, 0, false, 1000, 4.0, T0); // 188000 bytes in 4 s = 376000 b/s
            segment(w, 1, false, 3000, 4.0, T0.plusSeconds(4)); // 1128000 b/s
            assertThat(new String(w.multivariantPlaylist().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("""
                    #EXTM3U
                    #EXT-X-VERSION:3
                    #EXT-X-INDEPENDENT-SEGMENTS
                    #EXT-X-STREAM-INF:BANDWIDTH=1128000,AVERAGE-BANDWIDTH=752000,CODECS="avc1.64001f,mp4a.40.2",\
                    RESOLUTION=1280x720,FRAME-RATE=25.000
                    media.m3u8
                    """);
        }
    }

    @Test
    void measuresWhatTheMultivariantPlaylistStates() throws IOException {
        try (SegmentWindow w = window(3, 0)) {
            assertThat(w.measure()).as("nothing produced yet").isEmpty();
            segment(w, 0, false, 1000, 4.0, T0);
            assertThat(w.measure()).as("a segment, but the stream has not said what it carries").isEmpty();
            w.streamFormats(List.of(StreamFormat.video(Codec.H264, "avc1.64001f", 0, 0, 25)));
            assertThat(w.measure()).as("video of an unknown picture size").isEmpty();

            w.streamFormats(List.of(StreamFormat.audio(Codec.AAC, "mp4a.40.2", 48_000, 2),
                    StreamFormat.video(Codec.H264, "avc1.64001f", 1280, 720, 25)));
            segment(w, 1, false, 3000, 4.0, T0.plusSeconds(4));
            assertThat(w.measure()).contains(new LiveMeasure(1_128_000, 720, Duration.ofSeconds(4)));
            assertThat(new String(w.multivariantPlaylist().orElseThrow(), StandardCharsets.UTF_8))
                    .contains("BANDWIDTH=1128000,");

            segment(w, 2, false, 6000, 6.0, T0.plusSeconds(8)); // 1504000 b/s, and a longer target duration
            assertThat(w.measure()).contains(new LiveMeasure(1_504_000, 720, Duration.ofSeconds(6)));
        }
    }

    @Test
    void measuresARadioChannelWithoutPicture() throws IOException {
        try (SegmentWindow w = window(3, 0)) {
            w.streamFormats(List.of(StreamFormat.audio(Codec.AAC, "mp4a.40.2", 48_000, 2)));
            segment(w, 0, false, 100, 4.0, T0); // 37600 b/s
            assertThat(w.measure()).contains(new LiveMeasure(37_600, 0, Duration.ofSeconds(4)));
        }
    }

    @Test
    void restartContinuesSequencesWithADiscontinuity() throws IOException {
        try (SegmentWindow w = window(3, 1)) {
            segment(w, 0, false, 5, 4.0, T0);
            segment(w, 1, false, 5, 4.0, T0.plusSeconds(4));
            segment(w, 2, true, 5, 4.0, T0.plusSeconds(8));
            w.beginSegment(3, false); // the headend dies while cutting segment 3
            w.write(new byte[188], 0, 188);
            w.flush();
        }
        assertThat(files()).doesNotContain("3.ts", "3.ts.part");
        try (SegmentWindow w = window(3, 1)) {
            assertThat(w.nextSequence()).isEqualTo(3);
            assertThat(w.playlistSegments()).extracting(MediaSegment::sequence).containsExactly(0L, 1L, 2L);
            segment(w, 0, false, 5, 4.0, T0.plusSeconds(60)); // a fresh segmenter counts from its options
            String playlist = new String(w.mediaPlaylist().orElseThrow(), StandardCharsets.UTF_8);
            assertThat(playlist).isEqualTo("""
                    #EXTM3U
                    #EXT-X-VERSION:3
                    #EXT-X-TARGETDURATION:4
                    #EXT-X-MEDIA-SEQUENCE:1
                    #EXT-X-DISCONTINUITY-SEQUENCE:0
                    #EXT-X-INDEPENDENT-SEGMENTS
                    #EXT-X-PROGRAM-DATE-TIME:2026-11-21T05:00:04.000Z
                    #EXTINF:4.000,
                    1.ts
                    #EXT-X-DISCONTINUITY
                    #EXT-X-PROGRAM-DATE-TIME:2026-11-21T05:00:08.000Z
                    #EXTINF:4.000,
                    2.ts
                    #EXT-X-DISCONTINUITY
                    #EXT-X-PROGRAM-DATE-TIME:2026-11-21T05:01:00.000Z
                    #EXTINF:4.000,
                    3.ts
                    """);
            assertThat(w.segment(3).sizeBytes()).isEqualTo(5 * 188L);
            assertThat(w.segment(0).path()).exists();
        }
    }

    @Test
    void indexGrowsByOneLinePerSegmentIsCompactedAndRestoresTheSegmentsOnDisk() throws IOException {
        int keep = 4; // window 3 + 1 extra: the index is rewritten once it would list more than 2 * 4 + 2 segments
        try (SegmentWindow w = window(3, 1)) {
            for (int i = 0; i < 37; i++) {
                segment(w, i, false, 10 + i, 4.0, T0.plusSeconds(4L * i));
                long lines = Files.readAllLines(dir.resolve("segments.tsv")).size();
                assertThat(lines).as("index lines after segment %d", i).isBetween((long) Math.min(i + 1, keep), 2L * keep + 2);
            }
            assertThat(files()).containsExactly("33.ts", "34.ts", "35.ts", "36.ts", "segments.tsv");
        }
        try (SegmentWindow w = window(3, 1)) {
            assertThat(w.nextSequence()).isEqualTo(37);
            assertThat(w.segmentsOnDisk()).extracting(MediaSegment::sequence).containsExactly(33L, 34L, 35L, 36L);
            assertThat(w.segmentsOnDisk()).extracting(MediaSegment::sizeBytes)
                    .containsExactly(43 * 188L, 44 * 188L, 45 * 188L, 46 * 188L);
            assertThat(w.segmentsOnDisk().getLast().programDateTime()).isEqualTo(T0.plusSeconds(4L * 36));
            assertThat(Files.readAllLines(dir.resolve("segments.tsv"))).hasSize(keep); // rewritten on restore
        }
    }

    @Test
    void restartWithoutIndexStillContinuesAfterTheHighestFile() throws IOException {
        Files.write(dir.resolve("41.ts"), new byte[188]);
        Files.write(dir.resolve("7.ts"), new byte[188]);
        try (SegmentWindow w = window(3, 1)) {
            assertThat(w.nextSequence()).isEqualTo(42);
            assertThat(w.segmentsOnDisk()).isEmpty();
            segment(w, 42, false, 1, 4.0, T0);
            assertThat(w.playlistSegments()).singleElement()
                    .satisfies(s -> assertThat(s.discontinuity()).isTrue())
                    .satisfies(s -> assertThat(s.sequence()).isEqualTo(42));
        }
    }
}
