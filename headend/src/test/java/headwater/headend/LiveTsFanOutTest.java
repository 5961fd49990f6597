package headwater.headend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.media.hls.MediaSegment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveTsFanOutTest {
    @TempDir
    Path dir;

    /** Packet number {@code n}: sync byte, then n as an int, so a receiver can check order, gaps and duplicates. */
    private static byte[] packet(int n) {
        byte[] p = new byte[188];
        p[0] = 0x47;
        ByteBuffer.wrap(p, 4, 4).putInt(n);
        return p;
    }

    private static List<Integer> packetNumbers(byte[] stream) {
        assertThat(stream.length % 188).isZero();
        List<Integer> out = new ArrayList<>();
        for (int off = 0; off < stream.length; off += 188) {
            assertThat(stream[off]).isEqualTo((byte) 0x47);
            out.add(ByteBuffer.wrap(stream, off + 4, 4).getInt());
        }
        return out;
    }

    private static final class Collector implements LiveTsListener {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<String> ends = new CopyOnWriteArrayList<>();

        @Override
        public synchronized void onData(byte[] buf, int off, int len) {
            bytes.write(buf, off, len);
        }

        synchronized byte[] received() {
            return bytes.toByteArray();
        }

        @Override
        public void onEnd(String reason) {
            ends.add(reason);
        }
    }

    private static void end(SegmentWindow w, long seq, int packets) {
        w.endSegment(new MediaSegment(seq, 0, false, 0, 360_000, Instant.EPOCH, packets * 188L));
    }

    @Test
    void newViewerStartsAtTheCurrentSegmentAndContinuesWithoutGapOrDuplicate() throws IOException {
        try (SegmentWindow w = new SegmentWindow(dir, "news-hd", 3, 1, Duration.ofSeconds(4))) {
            int n = 0;
            w.beginSegment(0, false);
            for (; n < 50; n++) {
                w.write(packet(n), 0, 188);
            }
            end(w, 0, 50);
            w.beginSegment(1, false); // segment 1 starts with packet 50
            for (; n < 130; n++) {
                w.write(packet(n), 0, 188); // some of these are still in the write buffer when the viewer joins
            }
            Collector viewer = new Collector();
            LiveTsSubscription sub = w.subscribe(viewer);
            for (; n < 400; n++) {
                w.write(packet(n), 0, 188);
                if (n % 7 == 0) {
                    w.flush();
                }
            }
            end(w, 1, 350);
            w.beginSegment(2, false);
            for (; n < 450; n++) {
                w.write(packet(n), 0, 188);
            }
            w.flush();
            int last = n - 1;
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                List<Integer> got = packetNumbers(viewer.received());
                return !got.isEmpty() && got.getLast() == last;
            });
            List<Integer> got = packetNumbers(viewer.received());
            List<Integer> expected = new ArrayList<>();
            for (int i = 50; i <= last; i++) {
                expected.add(i);
            }
            assertThat(got).isEqualTo(expected);
            assertThat(sub.deliveredBytes()).isEqualTo(400L * 188);
            sub.close();
            assertThat(viewer.ends).containsExactly("unsubscribed");
            assertThat(w.viewers()).isZero();
        }
    }

    @Test
    void flushingForViewersKeepsBytesBufferedWithoutViewersYetAJoiningViewerMissesNothing() throws IOException {
        try (SegmentWindow w = new SegmentWindow(dir, "news-hd", 3, 1, Duration.ofSeconds(4))) {
            int n = 0;
            w.beginSegment(0, false);
            for (; n < 20; n++) {
                w.write(packet(n), 0, 188);
                w.flushForViewers(); // no viewer: nothing is written through yet
            }
            assertThat(Files.size(dir.resolve("0.ts.part"))).isZero();
            Collector viewer = new Collector();
            LiveTsSubscription sub = w.subscribe(viewer); // writes the buffer through, the viewer replays it
            assertThat(Files.size(dir.resolve("0.ts.part"))).isEqualTo(20L * 188);
            for (; n < 60; n++) {
                w.write(packet(n), 0, 188);
                if (n % 5 == 0) {
                    w.flushForViewers();
                }
            }
            w.flushForViewers();
            int last = n - 1;
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                List<Integer> got = packetNumbers(viewer.received());
                return !got.isEmpty() && got.getLast() == last;
            });
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i <= last; i++) {
                expected.add(i);
            }
            assertThat(packetNumbers(viewer.received())).isEqualTo(expected);
            end(w, 0, 60);
            assertThat(Files.size(dir.resolve("0.ts"))).isEqualTo(60L * 188);
            sub.close();
        }
    }

    @Test
    void viewerJoiningBetweenSegmentsStartsWithTheNextOne() throws IOException {
        try (SegmentWindow w = new SegmentWindow(dir, "news-hd", 3, 1, Duration.ofSeconds(4))) {
            w.beginSegment(0, false);
            w.write(packet(0), 0, 188);
            end(w, 0, 1);
            Collector viewer = new Collector();
            w.subscribe(viewer);
            w.beginSegment(1, false);
            w.write(packet(1), 0, 188);
            w.write(packet(2), 0, 188);
            w.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> viewer.received().length == 2 * 188);
            assertThat(packetNumbers(viewer.received())).containsExactly(1, 2);
        }
    }

    @Test
    void slowViewerIsDroppedWithAReasonWhileOthersContinue() throws Exception {
        long bound = 64 * 1024;
        try (SegmentWindow w = new SegmentWindow(dir, "news-hd", 3, 1, Duration.ofSeconds(4), bound)) {
            CountDownLatch release = new CountDownLatch(1);
            List<String> slowEnds = new CopyOnWriteArrayList<>();
            LiveTsSubscription slow = w.subscribe(new LiveTsListener() {
                @Override
                public void onData(byte[] buf, int off, int len) throws InterruptedException {
                    release.await(); // a viewer whose socket does not drain
                }

                @Override
                public void onEnd(String reason) {
                    slowEnds.add(reason);
                    release.countDown();
                }
            });
            Collector fast = new Collector();
            w.subscribe(fast);
            w.beginSegment(0, false);
            int packets = (int) (3 * bound / 188);
            for (int i = 0; i < packets; i++) {
                w.write(packet(i), 0, 188);
                if (i % 50 == 49) {
                    w.flush();
                    int sent = (i + 1) * 188;
                    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                            .until(() -> fast.received().length == sent || !fast.ends.isEmpty());
                }
            }
            w.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> !slow.active());
            assertThat(slow.endReason()).hasValue("viewer of channel news-hd too slow: more than 65536 bytes behind");
            assertThat(slowEnds).containsExactly("viewer of channel news-hd too slow: more than 65536 bytes behind");
            await().atMost(Duration.ofSeconds(10)).until(() -> fast.received().length == packets * 188);
            assertThat(fast.ends).isEmpty();
            assertThat(w.viewers()).isEqualTo(1);
        }
    }

    @Test
    void stoppingTheChannelEndsEveryViewer() throws IOException {
        Collector viewer = new Collector();
        SegmentWindow w = new SegmentWindow(dir, "news-hd", 3, 1, Duration.ofSeconds(4));
        LiveTsSubscription sub = w.subscribe(viewer);
        w.close();
        assertThat(sub.endReason()).hasValue("channel news-hd stopped");
        assertThat(viewer.ends).containsExactly("channel news-hd stopped");
    }
}
