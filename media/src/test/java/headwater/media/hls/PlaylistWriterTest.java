package headwater.media.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.media.ts.Codec;
import headwater.media.ts.StreamFormat;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaylistWriterTest {
    private static final Instant T0 = Instant.parse("2026-11-21T05:00:00Z");
    private final PlaylistParser parser = new PlaylistParser();

    static byte[] golden(String name) {
        try (InputStream in = PlaylistWriterTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A live window as the segmenter describes it: one cut short by a jump, then a discontinuity. */
    static MediaPlaylist live() {
        List<MediaSegment> window = List.of(
                new MediaSegment(120, 2, false, 0, 360_000, T0, 1_000_000),
                new MediaSegment(121, 2, false, 360_000, 223_200, T0.plusSeconds(4), 600_000),
                new MediaSegment(122, 3, true, 90_000, 360_000, T0.plusSeconds(60).plusNanos(250_999_000), 1_000_000),
                new MediaSegment(123, 3, false, 450_000, 363_600, T0.plusSeconds(64).plusMillis(250), 1_000_000));
        return MediaPlaylist.of(Duration.ofSeconds(4), window, s -> "seg-" + s.sequence() + ".ts", false);
    }

    /** A live window of our own encrypted channel: a key rotation between the second and third segment. */
    static MediaPlaylist liveEncrypted() {
        HexFormat hex = HexFormat.of();
        List<MediaSegment> window = List.of(
                new MediaSegment(120, 2, false, 0, 360_000, T0, 1_000_016,
                        new SegmentEncryption("0a1b2c3d4e5f6071", hex.parseHex("00112233445566778899aabbccddeeff"))),
                new MediaSegment(121, 2, false, 360_000, 360_000, T0.plusSeconds(4), 1_000_016,
                        new SegmentEncryption("0a1b2c3d4e5f6071", hex.parseHex("ffeeddccbbaa99887766554433221100"))),
                new MediaSegment(122, 2, false, 720_000, 360_000, T0.plusSeconds(8), 1_000_016,
                        new SegmentEncryption("9f8e7d6c5b4a3928", hex.parseHex("0123456789abcdef0123456789abcdef"))),
                new MediaSegment(123, 2, false, 1_080_000, 360_000, T0.plusSeconds(12), 1_000_000));
        return MediaPlaylist.of(Duration.ofSeconds(4), window, s -> s.sequence() + ".ts", false);
    }

    static MediaPlaylist vod(Duration target) {
        return new MediaPlaylist(target, 0, 0, List.of(
                new PlaylistSegment("a.ts", Duration.ofSeconds(4), false, null),
                new PlaylistSegment("b.ts", Duration.ofMillis(6300), false, null),
                new PlaylistSegment("c.ts", Duration.ofMillis(1500), false, null)), true, PlaylistType.VOD, false);
    }

    static MultivariantPlaylist multivariant() {
        return new MultivariantPlaylist(true, List.of(
                new VariantStream("720p/index.m3u8", 5_640_000, 5_120_000, "avc1.64001f,mp4a.40.2",
                        new Resolution(1280, 720), 25),
                new VariantStream("360p/index.m3u8", 1_280_000, 1_100_000, "avc1.4d401e,mp4a.40.2",
                        new Resolution(640, 360), 29.97),
                new VariantStream("audio/index.m3u8", 96_000, 0, "mp4a.40.2", null, 0)));
    }

    static MediaPlaylist encrypted() {
        SegmentKey key = new SegmentKey(KeyMethod.AES_128, "https://keys.example/k1",
                HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f"));
        MediaInitializationSection map = new MediaInitializationSection("init.mp4", new ByteRange(720, 0));
        Duration d = Duration.ofMillis(9009);
        return new MediaPlaylist(Duration.ofSeconds(10), 7, 0, List.of(
                new PlaylistSegment("media.mp4", d, "Opening, part 1", false, null, new ByteRange(75232, 720), key, map),
                new PlaylistSegment("media.mp4", d, "", false, null, new ByteRange(82112, 75952), key, map),
                new PlaylistSegment("media.mp4", Duration.ofMillis(3003), "", false, null,
                        new ByteRange(69864, 158064), null, map)),
                false, PlaylistType.EVENT, false);
    }

    @Test
    void rendersALiveWindowByteForByte() {
        assertThat(PlaylistWriter.render((Playlist) live())).isEqualTo(golden("live.m3u8"));
    }

    @Test
    void raisesTheTargetDurationToTheLongestRoundedSegment() {
        assertThat(PlaylistWriter.render((Playlist) vod(Duration.ofSeconds(4)))).isEqualTo(golden("vod.m3u8"));
        assertThat(PlaylistWriter.targetDurationSeconds(vod(Duration.ofSeconds(4)))).isEqualTo(6);
        assertThat(PlaylistWriter.targetDurationSeconds(vod(Duration.ofSeconds(8)))).isEqualTo(8);
    }

    @Test
    void rendersAMultivariantPlaylistByteForByte() {
        assertThat(PlaylistWriter.render((Playlist) multivariant())).isEqualTo(golden("multivariant.m3u8"));
    }

    @Test
    void rendersKeysByteRangesAndMapsWithTheVersionTheyNeed() {
        assertThat(PlaylistWriter.render((Playlist) encrypted())).isEqualTo(golden("encrypted.m3u8"));
    }

    @Test
    void declaresTheKeyAndRandomIvOfEveryEncryptedSegmentWithARelativeKeyUri() {
        assertThat(PlaylistWriter.render((Playlist) liveEncrypted())).isEqualTo(golden("live-encrypted.m3u8"));
    }

    @Test
    void readsBackWhatItWrites() throws Exception {
        for (Playlist p : List.of(live(), vod(Duration.ofSeconds(7)), multivariant(), encrypted(), liveEncrypted())) {
            assertThat(parser.parse(PlaylistWriter.render(p), null)).isEqualTo(p);
        }
    }

    @Test
    void writesDurationsWithAtLeastThreeDecimalsAndNoPrecisionLost() {
        assertThat(PlaylistWriter.formatSeconds(Duration.ofSeconds(4))).isEqualTo("4.000");
        assertThat(PlaylistWriter.formatSeconds(Duration.ofMillis(4004))).isEqualTo("4.004");
        assertThat(PlaylistWriter.formatSeconds(Duration.ofNanos(10_010_666_000L))).isEqualTo("10.010666");
        assertThat(PlaylistWriter.formatDateTime(T0)).isEqualTo("2026-11-21T05:00:00.000Z");
        // found by fuzzing: a date-time read with finer digits must be written with them
        assertThat(PlaylistWriter.formatDateTime(T0.plusNanos(200_000))).isEqualTo("2026-11-21T05:00:00.0002Z");
    }

    /** The digit-by-digit date-time agrees with the JDK's ISO formatting wherever a playlist can meet it. */
    @Test
    void writesDateTimesAsTheIsoFormatterDoes() {
        java.util.Random random = new java.util.Random(8216);
        List<Instant> instants = new java.util.ArrayList<>(List.of(Instant.EPOCH, T0,
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("2028-02-29T12:34:56.789Z"), Instant.parse("1969-12-31T23:59:59.5Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("2026-11-21T05:00:00.000000001Z")));
        for (int i = 0; i < 2000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
                    random.nextInt(4) == 0 ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000)));
        }
        java.time.format.DateTimeFormatter seconds = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);
        for (Instant instant : instants) {
            String fraction = String.format(java.util.Locale.ROOT, "%09d", instant.getNano()).replaceAll("(?<=\\d{3})0+$", "");
            assertThat(PlaylistWriter.formatDateTime(instant)).as("%s", instant)
                    .isEqualTo(seconds.format(instant) + "." + fraction + "Z");
        }
    }

    @Test
    void aWindowThatOpensOnADiscontinuityCountsItAfterTheSequenceTag() {
        MediaPlaylist p = MediaPlaylist.of(Duration.ofSeconds(4),
                List.of(new MediaSegment(9, 4, true, 0, 360_000, T0, 1000)), s -> "s.ts", true);

        assertThat(p.discontinuitySequence()).isEqualTo(3);
        assertThat(p.segments().get(0).discontinuity()).isTrue();
        assertThat(p.mediaSequence()).isEqualTo(9);
        assertThat(p.endList()).isTrue();
    }

    @Test
    void refusesValuesThatWouldBreakThePlaylistSyntax() {
        MediaPlaylist badUri = new MediaPlaylist(Duration.ofSeconds(4), 0, 0,
                List.of(new PlaylistSegment("a.ts\n#EXT-X-ENDLIST", Duration.ofSeconds(4), false, null)), false, null,
                false);
        assertThatThrownBy(() -> PlaylistWriter.render(badUri)).isInstanceOf(IllegalArgumentException.class);
        MultivariantPlaylist badCodecs = new MultivariantPlaylist(false,
                List.of(new VariantStream("a.m3u8", 1, 0, "avc1\",x", null, 0)));
        assertThatThrownBy(() -> PlaylistWriter.render(badCodecs)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describesAVariantFromTheStreamFormatsAndSegmentSizes() {
        List<StreamFormat> formats = List.of(
                StreamFormat.audio(Codec.AAC, "mp4a.40.2", 48_000, 2),
                StreamFormat.video(Codec.H264, "avc1.64001f", 1280, 720, 25),
                StreamFormat.audio(Codec.AC3, "ac-3", 48_000, 6));
        // 4 s segments of 2 000 000, 3 000 000 and 2 500 000 bytes (PAT and PMT included)
        List<MediaSegment> segments = List.of(
                new MediaSegment(0, 0, false, 0, 360_000, T0, 2_000_000),
                new MediaSegment(1, 0, false, 360_000, 360_000, T0, 3_000_000),
                new MediaSegment(2, 0, false, 720_000, 360_000, T0, 2_500_000));

        VariantStream v = VariantStream.describe("hd/index.m3u8", formats, segments, Duration.ofSeconds(4));

        assertThat(v.codecs()).isEqualTo("avc1.64001f,mp4a.40.2,ac-3");
        assertThat(v.resolution()).isEqualTo(new Resolution(1280, 720));
        assertThat(v.frameRate()).isEqualTo(25.0);
        assertThat(v.bandwidth()).isEqualTo(6_000_000);
        assertThat(v.averageBandwidth()).isEqualTo(5_000_000);
    }

    @Test
    void aShortSegmentDoesNotSetThePeakOnItsOwn() {
        // a 0.4 s segment before a discontinuity carries a whole keyframe: 400 000 bytes is 8 Mbit/s alone
        List<MediaSegment> segments = List.of(
                new MediaSegment(0, 0, false, 0, 360_000, T0, 2_000_000),
                new MediaSegment(1, 0, false, 360_000, 36_000, T0, 400_000),
                new MediaSegment(2, 1, true, 0, 360_000, T0, 2_000_000));

        SegmentBitrate rate = SegmentBitrate.measure(segments, Duration.ofSeconds(4));

        assertThat(rate.peak()).isEqualTo((long) Math.ceil(2_400_000 * 8 / 4.4));
        assertThat(rate.average()).isEqualTo((long) Math.ceil(4_400_000 * 8 / 8.4));
    }

    @Test
    void anAudioOnlyVariantHasNoResolutionOrFrameRate() {
        VariantStream v = VariantStream.describe("radio.m3u8",
                List.of(StreamFormat.audio(Codec.AAC, "mp4a.40.2", 48_000, 2)),
                List.of(new MediaSegment(0, 0, false, 0, 360_000, T0, 64_000)), Duration.ofSeconds(4));

        assertThat(v.resolution()).isNull();
        assertThat(v.frameRate()).isZero();
        assertThat(v.bandwidth()).isEqualTo(128_000);
        assertThat(PlaylistWriter.render(new MultivariantPlaylist(false, List.of(v))))
                .isEqualTo("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-STREAM-INF:BANDWIDTH=128000,AVERAGE-BANDWIDTH=128000,"
                        + "CODECS=\"mp4a.40.2\"\nradio.m3u8\n");
    }
}
