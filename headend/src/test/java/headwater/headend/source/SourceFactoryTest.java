package headwater.headend.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourceFactoryTest {
    private static final SourceContext NEWS = SourceContext.defaults("news");

    private static Source create(String uri) {
        return SourceFactory.create(uri, NEWS);
    }

    @Test
    void makesOneSourceKindPerScheme() {
        assertThat(create("udp://@:1234")).isInstanceOf(UdpSource.class);
        assertThat(create("udp://127.0.0.1:1234")).isInstanceOf(UdpSource.class);
        assertThat(create("rtp://239.1.1.1:5000?interface=lo&source=10.0.0.5")).isInstanceOf(UdpSource.class);
        assertThat(create("http://127.0.0.1:8080/live.ts")).isInstanceOf(HttpSource.class);
        assertThat(create("HTTPS://example.com/live.ts")).isInstanceOf(HttpSource.class);
        assertThat(create("hls+http://127.0.0.1/live/index.m3u8")).isInstanceOf(HlsSource.class);
        assertThat(create("hls+https://example.com/index.m3u8")).isInstanceOf(HlsSource.class);
        assertThat(create("file:///srv/loop.ts?speed=2&loop=false")).isInstanceOf(FileLoopSource.class);
        assertThat(create("file:loops/news.ts")).isInstanceOf(FileLoopSource.class);
        assertThat(create("ffmpeg:srt://10.0.0.5:9000?mode=caller")).isInstanceOf(FfmpegSource.class);
    }

    @Test
    void refusesAnUnknownSchemeAndPointsToFfmpeg() {
        assertThatThrownBy(() -> create("srt://10.0.0.5:9000"))
                .isInstanceOf(InvalidSourceException.class)
                .hasMessage("source 'srt://10.0.0.5:9000' of channel news has unknown scheme 'srt': expected udp://, "
                        + "rtp://, http://, https://, hls+http://, hls+https://, file: or ffmpeg: (inputs such as srt "
                        + "or rtmp go through ffmpeg:srt://…)");
        assertThatThrownBy(() -> create("/srv/loop.ts"))
                .hasMessageStartingWith("source '/srv/loop.ts' of channel news has no scheme");
        assertThatThrownBy(() -> create("udp://[::1"))
                .hasMessageStartingWith("source 'udp://[::1' of channel news is not a valid URI");
    }

    @Test
    void namesWhatIsWrongWithAUdpUri() {
        assertThatThrownBy(() -> create("udp://239.1.1.1"))
                .isInstanceOf(InvalidSourceException.class)
                .hasMessage("source 'udp://239.1.1.1' of channel news has no port");
        assertThatThrownBy(() -> create("udp://@"))
                .hasMessage("source 'udp://@' of channel news has no port");
        assertThatThrownBy(() -> create("udp://239.1.1.1:70000"))
                .hasMessage("source 'udp://239.1.1.1:70000' of channel news has port '70000': expected 1..65535");
        assertThatThrownBy(() -> create("udp://239.1.1.1:1234?interfce=eth0"))
                .hasMessage("source 'udp://239.1.1.1:1234?interfce=eth0' of channel news has unknown option "
                        + "'interfce': expected one of interface, source");
        assertThatThrownBy(() -> create("udp://mcast.example.com:1234"))
                .hasMessageContaining("has address 'mcast.example.com': expected an IP address");
        assertThatThrownBy(() -> create("udp://127.0.0.1:1234?interface=lo"))
                .hasMessageContaining("127.0.0.1 is not a multicast group");
    }

    @Test
    void namesWhatIsWrongWithFileAndFfmpegUris() {
        assertThatThrownBy(() -> create("file://loop.ts"))
                .hasMessage("source 'file://loop.ts' of channel news names host 'loop.ts': expected "
                        + "file:///absolute/path.ts or file:relative/path.ts");
        assertThatThrownBy(() -> create("file:///srv/loop.ts?speed=fast"))
                .hasMessageEndingWith("has option speed=fast: expected a positive number");
        assertThatThrownBy(() -> create("file:///srv/loop.ts?loop=maybe"))
                .hasMessageEndingWith("has option loop=maybe: expected true or false");
        assertThatThrownBy(() -> create("ffmpeg:-f%20lavfi"))
                .hasMessageContaining("starts with '-': options go in the fragment");
        assertThatThrownBy(() -> create("ffmpeg:x.ts#vf=scale"))
                .hasMessageContaining("has unknown option 'vf': expected one of f, loop, re");
        assertThatThrownBy(() -> create("ffmpeg:x.ts#f=lavfi;rm"))
                .hasMessageContaining("has option f=lavfi;rm: expected a format name");
        assertThatThrownBy(() -> create("hls+http:///index.m3u8"))
                .hasMessageContaining("has no host");
    }

    @Test
    void masksCredentialsInMessagesAndNames() {
        assertThatThrownBy(() -> create("rtmp://alice:s3cret@cdn.example.com/live?token=abc"))
                .hasMessageStartingWith("source 'rtmp://alice:***@cdn.example.com/live?token=***' of channel news")
                .message().doesNotContain("s3cret").doesNotContain("abc");
        Source source = create("ffmpeg:srt://10.0.0.5:9000?mode=caller&passphrase=hunter22#re");
        assertThat(source.toString())
                .isEqualTo("source 'ffmpeg:srt://10.0.0.5:9000?mode=caller&passphrase=***#re' of channel news");
    }

    @Test
    void buildsTheFfmpegCommandLineFromTheUri() {
        FfmpegSource source = (FfmpegSource) create("ffmpeg:testsrc2=size=320x180:rate=25#f=lavfi&re");
        assertThat(source.input().command(Path.of("/usr/bin/ffmpeg"))).containsExactly("/usr/bin/ffmpeg",
                "-hide_banner", "-nostdin", "-loglevel", "error", "-re", "-f", "lavfi",
                "-i", "testsrc2=size=320x180:rate=25", "-map", "0", "-c", "copy", "-f", "mpegts", "pipe:1");
        FfmpegSource live = (FfmpegSource) SourceFactory.create(URI.create("ffmpeg:rtmp://h/app/key"), NEWS);
        assertThat(live.input().command(Path.of("ffmpeg"))).doesNotContain("-re", "-stream_loop")
                .containsSubsequence("-i", "rtmp://h/app/key");
    }
}
