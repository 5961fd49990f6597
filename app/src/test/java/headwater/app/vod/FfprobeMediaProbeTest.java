package headwater.app.vod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import headwater.domain.vod.AudioTrack;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.MediaProbeException;
import headwater.domain.vod.MediaProbeException.Reason;
import headwater.domain.vod.VideoTrack;
import headwater.testkit.Fixtures;
import headwater.testkit.LoopbackHttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real ffprobe (as the server would find it) on real media made by ffmpeg, local and over loopback HTTP. */
class FfprobeMediaProbeTest {

    @TempDir
    static Path dir;
    static Path mp4;
    static Path mkv;
    static FfprobeMediaProbe probe;

    @BeforeAll
    static void makeMedia() throws IOException {
        VodMedia media = VodMedia.withAnyFfmpeg();
        mp4 = media.mp4(dir.resolve("film.mp4"));
        Files.createDirectories(dir.resolve("series"));
        mkv = media.mkv(dir.resolve("series").resolve("episode one.mkv"));
        probe = new FfprobeMediaProbe(FfprobeLocator.forThisProcess(Optional.empty()).locate().executable(),
                FfprobeMediaProbe.DEFAULT_TIMEOUT);
    }

    @Test
    void reads_an_h264_aac_mp4() {
        MediaInfo info = probe.probe(mp4.toUri());

        assertThat(info.container()).isEqualTo("mov,mp4,m4a,3gp,3g2,mj2");
        assertThat(info.video()).isEqualTo(new VideoTrack("h264", 320, 240, 25.0));
        assertThat(info.audio()).containsExactly(new AudioTrack("aac", 2, "und"));
        assertThat(info.subtitleLanguages()).isEmpty();
        assertThat(info.duration()).isBetween(Duration.ofMillis(1990), Duration.ofMillis(2100));
        assertThat(info.bitRate()).isBetween(100_000L, 1_000_000L);
    }

    @Test
    void reads_every_audio_language_and_subtitle_of_an_mkv() {
        MediaInfo info = probe.probe(mkv.toUri());

        assertThat(info.container()).isEqualTo("matroska,webm");
        assertThat(info.video()).isEqualTo(new VideoTrack("h264", 640, 360, 29.97));
        assertThat(info.audio()).containsExactly(new AudioTrack("aac", 2, "eng"), new AudioTrack("ac3", 6, "deu"));
        assertThat(info.subtitleLanguages()).containsExactly("fra", "und");
        assertThat(info.duration()).isBetween(Duration.ofMillis(2990), Duration.ofMillis(3100));
        assertThat(info.bitRate()).isPositive();
    }

    @Test
    void reads_the_mpeg_ts_fixture_of_the_testkit() {
        MediaInfo info = probe.probe(Fixtures.path(Fixtures.H264_AAC_720P).toUri());

        assertThat(info.container()).isEqualTo("mpegts");
        assertThat(info.video()).isEqualTo(new VideoTrack("h264", 1280, 720, 25.0));
        assertThat(info.audio()).containsExactly(new AudioTrack("aac", 2, "und"));
    }

    @Test
    void reads_a_film_over_http() {
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(dir)) {
            MediaInfo info = probe.probe(server.url("/film.mp4"));

            assertThat(info).isEqualTo(probe.probe(mp4.toUri()));
        }
    }

    @Test
    void reads_an_hls_playlist_over_http_segments_included() throws IOException {
        VodMedia.withAnyFfmpeg().hls(dir.resolve("hls"));
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(dir)) {
            MediaInfo info = probe.probe(server.url("/hls/index.m3u8"));

            assertThat(info.container()).isEqualTo("hls");
            assertThat(info.video()).isEqualTo(new VideoTrack("h264", 320, 240, 25.0));
            assertThat(info.audio()).containsExactly(new AudioTrack("aac", 2, "und"));
            assertThat(server.requests()).contains("/hls/index.m3u8", "/hls/seg000.ts");
        }
    }

    @Test
    void a_local_playlist_cannot_make_ffprobe_fetch_from_the_network() throws IOException {
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(dir)) {
            Path playlist = Files.writeString(dir.resolve("remote.m3u8"), "#EXTM3U\n#EXT-X-TARGETDURATION:2\n"
                    + "#EXTINF:2.0,\n" + server.url("/film.mp4") + "\n#EXT-X-ENDLIST\n");

            refused(() -> probe.probe(playlist.toUri()), Reason.UNSUPPORTED_SOURCE)
                    .hasMessage("cannot probe " + playlist.toUri() + ": it refers to media by a protocol this source "
                            + "may not use (ffprobe: Protocol 'http' not on whitelist 'file'!)");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void a_text_file_is_not_media() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "Remember to buy milk.\n".repeat(50));
        Path disguised = Files.writeString(dir.resolve("disguised.mkv"), "Remember to buy milk.\n".repeat(50));

        refused(() -> probe.probe(notes.toUri()), Reason.NOT_MEDIA)
                .hasMessage("cannot probe " + notes.toUri() + ": it is not a media file: ffprobe reads it as \"tty\" "
                        + "(text, subtitles or a still image), not as audio or video");
        refused(() -> probe.probe(disguised.toUri()), Reason.NOT_MEDIA)
                .hasMessage("cannot probe " + disguised.toUri() + ": it is not a media file (ffprobe: Invalid data "
                        + "found when processing input)");
    }

    @Test
    void missing_files_directories_and_other_schemes_are_refused_before_ffprobe_runs() {
        Path missing = dir.resolve("missing.mkv");

        refused(() -> probe.probe(missing.toUri()), Reason.NOT_FOUND)
                .hasMessage("cannot probe " + missing.toUri() + ": there is no file " + missing);
        refused(() -> probe.probe(dir.resolve("series").toUri()), Reason.NOT_MEDIA)
                .hasMessage("cannot probe " + dir.resolve("series").toUri() + ": " + dir.resolve("series")
                        + " is a directory, not a media file");
        refused(() -> probe.probe(URI.create("rtsp://camera.example/live")), Reason.UNSUPPORTED_SOURCE)
                .hasMessage("cannot probe rtsp://camera.example/live: the scheme \"rtsp\" is not one of file, http, https");
    }

    @Test
    void a_missing_url_is_not_found_and_credentials_stay_out_of_the_message() {
        try (LoopbackHttpServer server = LoopbackHttpServer.serving(dir)) {
            URI url = URI.create("http://user:secret@127.0.0.1:" + server.port() + "/gone.mkv?token=t0ps3cret");

            refused(() -> probe.probe(url), Reason.NOT_FOUND)
                    .hasMessageStartingWith("cannot probe http://***@127.0.0.1:" + server.port() + "/gone.mkv?...: it "
                            + "does not exist (ffprobe: ")
                    .hasMessageContaining("404")
                    .message().doesNotContain("secret", "t0ps3cret");
        }
    }

    @Test
    void a_server_that_never_answers_is_a_timeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket held = silent.accept()) {
                    held.getInputStream().readAllBytes();
                } catch (IOException ignored) {
                    // the test is over
                }
            });
            URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/slow.mkv");
            FfprobeMediaProbe impatient = new FfprobeMediaProbe(
                    FfprobeLocator.forThisProcess(Optional.empty()).locate().executable(), Duration.ofSeconds(2));

            refused(() -> impatient.probe(url), Reason.TIMEOUT)
                    .hasMessageStartingWith("cannot probe " + url + ": ");
        }
    }

    /** Asserts that {@code probing} fails for {@code reason}, and returns the error for more assertions. */
    private static AbstractThrowableAssert<?, ? extends Throwable> refused(ThrowingCallable probing, Reason reason) {
        Throwable error = catchThrowable(probing);
        assertThat(error).isInstanceOf(MediaProbeException.class);
        assertThat(((MediaProbeException) error).reason()).as(error.getMessage()).isEqualTo(reason);
        return assertThat(error);
    }
}
