package headwater.headend;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.headend.keys.ChannelKeys;
import headwater.headend.keys.MutableClock;
import headwater.headend.keys.RecordingKeyStore;
import headwater.headend.keys.StreamKeyStore;
import headwater.headend.keys.StreamKeys;
import headwater.media.hls.MediaPlaylist;
import headwater.media.hls.MediaSegment;
import headwater.media.hls.PlaylistParser;
import headwater.media.hls.PlaylistSegment;
import headwater.media.hls.SegmentCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedSegmentWindowTest {
    private static final Instant T0 = Instant.parse("2026-11-21T05:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final RecordingKeyStore store = new RecordingKeyStore();

    private ChannelKeys keys(StreamKeyStore store) {
        return new StreamKeys(store, clock, Duration.ofSeconds(8)).channel("news-hd", Duration.ofHours(1));
    }

    private SegmentWindow window(ChannelKeys keys, List<MediaSegment> archived) throws IOException {
        return new SegmentWindow(dir, "news-hd", 3, 1, Duration.ofSeconds(4), SegmentWindow.DEFAULT_VIEWER_BUFFER_BYTES,
                (file, segment) -> archived.add(segment), keys);
    }

    /** The clear bytes of one segment: {@code packets} TS packets numbered by {@code seq}. */
    private static byte[] clear(long seq, int packets) {
        byte[] all = new byte[188 * packets];
        for (int i = 0; i < packets; i++) {
            all[i * 188] = 0x47;
            all[i * 188 + 4] = (byte) seq;
            all[i * 188 + 5] = (byte) i;
        }
        return all;
    }

    private void segment(SegmentWindow w, long seq, int packets) {
        byte[] bytes = clear(seq, packets);
        w.beginSegment(seq, false);
        for (int off = 0; off < bytes.length; off += 1000) {
            w.write(bytes, off, Math.min(1000, bytes.length - off));
        }
        w.endSegment(new MediaSegment(seq, 0, false, 0, 360_000, clock.instant(), bytes.length));
        clock.advance(Duration.ofSeconds(4));
    }

    @Test
    void segmentsAreEncryptedOnDiskWithTheirOwnIvAndDeclaredInThePlaylist() throws Exception {
        ChannelKeys keys = keys(store);
        List<MediaSegment> archived = new ArrayList<>();
        try (SegmentWindow w = window(keys, archived)) {
            for (int i = 0; i < 4; i++) {
                segment(w, i, 500 + i);
            }
            MediaPlaylist playlist = (MediaPlaylist) new PlaylistParser().parse(w.mediaPlaylist().orElseThrow(), null);
            assertThat(playlist.segments()).hasSize(3);
            List<String> ivs = new ArrayList<>();
            for (PlaylistSegment s : playlist.segments()) {
                long seq = Long.parseLong(s.uri().replace(".ts", ""));
                assertThat(s.key()).isNotNull();
                assertThat(s.key().uri()).matches("key/[0-9a-f]{16}\\.key");
                String keyId = s.key().uri().substring(4, 20);
                byte[] key = keys.key(keyId).orElseThrow();
                byte[] onDisk = Files.readAllBytes(dir.resolve(seq + ".ts"));
                assertThat(onDisk.length).isEqualTo(SegmentCipher.encryptedLength(188L * (500 + seq)))
                        .isEqualTo(w.segment(seq).sizeBytes());
                // ciphertext: not the sync bytes of 500+ clear packets (any one byte is 0x47 by chance 1 in 256)
                long syncBytes = java.util.stream.IntStream.iterate(0, at -> at < onDisk.length, at -> at + 188)
                        .filter(at -> onDisk[at] == 0x47).count();
                assertThat(syncBytes).as("sync bytes in the clear").isLessThan(20);
                assertThat(SegmentCipher.decrypt(key, s.key().iv(), onDisk)).isEqualTo(clear(seq, 500 + (int) seq));
                ivs.add(java.util.HexFormat.of().formatHex(s.key().iv()));
            }
            assertThat(ivs).doesNotHaveDuplicates();
            assertThat(playlist.segments().getFirst().key().uri()).as("8 s rotation, 4 s segments: a new key")
                    .isNotEqualTo(playlist.segments().getLast().key().uri());
            assertThat(archived).allSatisfy(s -> assertThat(s.encrypted()).isTrue());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".part") || n.endsWith(".tmp"));
        }
    }

    @Test
    void aRestartListsTheEncryptedSegmentsAgainWithTheirKeys() throws Exception {
        try (SegmentWindow w = window(keys(store), new ArrayList<>())) {
            segment(w, 0, 100);
            segment(w, 1, 100);
        }
        ChannelKeys again = keys(store); // a new process: keys from the store
        try (SegmentWindow w = window(again, new ArrayList<>())) {
            assertThat(w.segmentsOnDisk()).hasSize(2).allSatisfy(s -> {
                assertThat(s.encrypted()).isTrue();
                assertThat(again.key(s.encryption().keyId())).isPresent();
            });
            byte[] onDisk = Files.readAllBytes(w.segment(1).path());
            MediaSegment s = w.segment(1).segment();
            assertThat(SegmentCipher.decrypt(again.key(s.encryption().keyId()).orElseThrow(), s.encryption().iv(),
                    onDisk)).isEqualTo(clear(1, 100));
        }
    }

    @Test
    void segmentsWhoseKeyIsLostAreDroppedNotListed() throws Exception {
        try (SegmentWindow w = window(keys(StreamKeyStore.MEMORY), new ArrayList<>())) {
            segment(w, 0, 100);
        }
        try (SegmentWindow w = window(keys(StreamKeyStore.MEMORY), new ArrayList<>())) {
            assertThat(w.segmentsOnDisk()).isEmpty();
            assertThat(dir.resolve("0.ts")).doesNotExist();
            assertThat(w.nextSequence()).isEqualTo(1);
        }
    }

    @Test
    void theLiveTransportStreamStaysClear() throws Exception {
        try (SegmentWindow w = window(keys(store), new ArrayList<>())) {
            java.util.concurrent.BlockingQueue<byte[]> got = new java.util.concurrent.LinkedBlockingQueue<>();
            LiveTsSubscription sub = w.subscribe((buf, off, len) -> got.add(java.util.Arrays.copyOfRange(buf, off,
                    off + len)));
            segment(w, 0, 100);
            w.flush();
            byte[] first = got.take();
            sub.close();
            assertThat(first[0]).as("the MPEG-TS stream starts with a clear sync byte").isEqualTo((byte) 0x47);
            assertThat(first).startsWith(java.util.Arrays.copyOf(clear(0, 100), Math.min(first.length, 188)));
        }
    }
}
