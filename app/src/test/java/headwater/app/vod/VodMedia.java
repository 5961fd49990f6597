package headwater.app.vod;

import headwater.app.ffmpeg.BundledFfmpeg;
import headwater.app.ffmpeg.FfmpegCapabilities;
import headwater.testkit.ExternalCommand;
import headwater.testkit.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the small films the probe tests read, with a real ffmpeg: Debian's from PATH when installed (as under CI),
 * else the build's bundled one, so that the tests run on any machine. H.264 comes from libx264 or, in the bundled
 * LGPL build, libopenh264; both are "h264" to ffprobe.
 */
final class VodMedia {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Path ffmpeg;
    private final String h264;

    private VodMedia(Path ffmpeg) {
        this.ffmpeg = ffmpeg;
        this.h264 = FfmpegCapabilities.probe(ffmpeg).hasEncoder("libx264") ? "libx264" : "libopenh264";
    }

    static VodMedia withAnyFfmpeg() {
        return new VodMedia(Tools.onPath("ffmpeg").or(BundledFfmpeg::extract).orElseThrow(
                () -> new IllegalStateException("no ffmpeg on PATH and the bundled one cannot run here")));
    }

    /** H.264 320x240 at 25 fps + AAC stereo (no language tag), 2 s, in MP4 with the index up front. */
    Path mp4(Path file) {
        run(List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2",
                "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000:duration=2",
                "-c:v", h264, "-b:v", "300k", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-ac", "2",
                "-movflags", "+faststart", file.toString()));
        return file;
    }

    /**
     * H.264 640x360 at 30000/1001 fps, AAC stereo in English and AC-3 5.1 in German, a French SRT subtitle and an
     * untagged one, 3 s, in Matroska.
     */
    Path mkv(Path file) throws IOException {
        Path srt = Files.writeString(file.resolveSibling("subtitles.srt"),
                "1\n00:00:00,500 --> 00:00:02,000\nBonjour <i>tout le monde</i>\n\n");
        run(List.of("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30000/1001:duration=3",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=3",
                "-f", "lavfi", "-i", "sine=frequency=880:sample_rate=48000:duration=3",
                "-i", srt.toString(), "-i", srt.toString(),
                "-map", "0:v", "-map", "1:a", "-map", "2:a", "-map", "3:s", "-map", "4:s",
                "-c:v", h264, "-b:v", "300k", "-pix_fmt", "yuv420p",
                "-c:a:0", "aac", "-b:a:0", "96k", "-ac:a:0", "2", "-metadata:s:a:0", "language=eng",
                "-c:a:1", "ac3", "-b:a:1", "384k", "-ac:a:1", "6", "-metadata:s:a:1", "language=deu",
                "-c:s", "srt", "-metadata:s:s:0", "language=fra",
                file.toString()));
        return file;
    }

    /** The {@link #mp4} pattern as a VOD HLS rendition ({@code index.m3u8}, 1 s segments) in {@code dir}. */
    Path hls(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path playlist = dir.resolve("index.m3u8");
        run(List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2",
                "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000:duration=2",
                "-c:v", h264, "-b:v", "300k", "-pix_fmt", "yuv420p", "-g", "25", "-c:a", "aac", "-b:a", "96k",
                "-ac", "2", "-f", "hls", "-hls_time", "1", "-hls_list_size", "0", "-hls_playlist_type", "vod",
                "-hls_segment_filename", dir.resolve("seg%03d.ts").toString(), playlist.toString()));
        return playlist;
    }

    private void run(List<String> args) {
        List<String> argv = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "error",
                "-y"));
        argv.addAll(args);
        ExternalCommand.run(argv, TIMEOUT).orThrow();
    }
}
