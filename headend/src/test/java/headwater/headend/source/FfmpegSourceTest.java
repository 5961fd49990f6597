package headwater.headend.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.media.ts.TsPacket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegSourceTest {
    private static final SourceContext NEWS = SourceContext.defaults("news").withFfmpegPath(Path.of("ffmpeg"));
    @TempDir
    static Path dir;
    private static Path clip;

    @BeforeAll
    static void makeClip() throws Exception {
        clip = TsFixtures.clip(dir, "clip.ts", 2);
    }

    private static byte[] drain(Source source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        int n;
        while ((n = source.read(buf, 0, buf.length)) > 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void remuxesAnInputToTsPacketsOnStdout() throws Exception {
        try (Source source = SourceFactory.create("ffmpeg:" + clip.toUri().getRawPath(), NEWS)) {
            source.open();
            byte[] ts = drain(source);
            assertThat(ts.length).isGreaterThan(100 * TsPacket.SIZE);
            TsFixtures.assertPackets(ts, ts.length);
            TsContinuity c = TsContinuity.of(ts, ts.length);
            assertThat(c.ccErrors).isEmpty();
            assertThat(c.decodeTimes).hasSize(2); // the video and the audio made it through -map 0 -c copy
            assertThat(source.bytesRead()).isEqualTo(ts.length);
        }
    }

    @Test
    void aFailingFfmpegThrowsWithItsExitCodeAndLastLine() throws Exception {
        Path missing = dir.resolve("missing.ts");
        try (Source source = SourceFactory.create("ffmpeg:" + missing, NEWS)) {
            source.open();
            assertThatThrownBy(() -> drain(source))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("source 'ffmpeg:" + missing + "' of channel news: ffmpeg exited with code ")
                    .hasMessageEndingWith(missing + ": No such file or directory");
        }
        // a text file read as MPEG-TS (f=mpegts): ffmpeg finds no stream in it
        Path text = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not a video\n".repeat(100));
        try (Source source = SourceFactory.create("ffmpeg:" + text + "#f=mpegts", NEWS)) {
            source.open();
            assertThatThrownBy(() -> drain(source))
                    .hasMessage("source 'ffmpeg:" + text + "#f=mpegts' of channel news: ffmpeg exited with code 1: "
                            + text + ": could not find codec parameters");
        }
    }

    @Test
    void aMissingBinaryFailsOpen() {
        Source source = SourceFactory.create("ffmpeg:" + clip, NEWS.withFfmpegPath(dir.resolve("no-ffmpeg")));
        assertThatThrownBy(source::open)
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("source 'ffmpeg:" + clip + "' of channel news cannot start "
                        + dir.resolve("no-ffmpeg"));
    }

    @Test
    void closeStopsALiveProcessAndUnblocksTheRead() throws Exception {
        // -re and an endless loop: ffmpeg would run forever at real time
        FfmpegSource source = (FfmpegSource) SourceFactory.create("ffmpeg:" + clip + "#re&loop", NEWS);
        source.open();
        byte[] buf = new byte[TsPacket.SIZE];
        assertThat(source.read(buf, 0, buf.length)).isPositive();
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            try {
                int n;
                while ((n = source.read(buf, 0, buf.length)) > 0) {
                    // paced by -re: blocks between bursts
                }
                return n;
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(200);
        source.close();
        assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
        assertThat(ProcessHandle.current().children().filter(p -> p.info().command().orElse("").endsWith("ffmpeg")))
                .as("no ffmpeg left behind").isEmpty();
    }
}
