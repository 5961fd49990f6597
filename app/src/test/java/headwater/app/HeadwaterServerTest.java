package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import headwater.app.config.ChannelConfig;
import headwater.app.config.ConfigException;
import headwater.app.config.FfmpegConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.HlsConfig;
import headwater.app.config.ServerConfig;
import headwater.app.demo.DemoFont;
import headwater.app.demo.DemoLoop;
import headwater.app.demo.DemoMedia;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegCapabilities;
import headwater.app.ffmpeg.FfmpegOrigin;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server on loopback: a real demo loop (rendered by ffmpeg, 4 s) played by the headend through a file://
 * source, served by delivery as HLS and MPEG-TS, with metrics.
 */
class HeadwaterServerTest {

    private static final Ffmpeg FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "test");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void serves_a_file_channel_as_hls_and_mpeg_ts_with_metrics(@TempDir Path dir) throws Exception {
        DemoLoop loop = DemoLoop.standard().get(1);
        Path file = new DemoMedia(FFMPEG, FfmpegCapabilities.probe(FFMPEG.executable()),
                DemoFont.locate(Optional.empty(), DemoFont.COMMON), dir.resolve("demo"), Duration.ofSeconds(4))
                .render(List.of(loop)).getFirst();
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), new HlsConfig(Duration.ofSeconds(2), 3, 1), defaults.health(),
                List.of(new ChannelConfig(loop.id(), loop.name(), List.of(file.toUri()), Optional.empty(), Optional.empty(),
                        Viewers.PACKAGES)),
                defaults.metrics(), defaults.database(), defaults.outbound());

        try (HeadwaterServer server = HeadwaterServer.start(config, FFMPEG)) {
            URI multivariant = Viewers.hls(server, loop.id());
            assertThat(multivariant.toString()).matches("http://127\\.0\\.0\\.1:" + server.port()
                    + "/s/[0-9a-f]{32}-[0-9a-f]+-[0-9a-f]+-[0-9a-f]{32}/live/demo-sd/index\\.m3u8");
            URI unsigned = server.baseUrl().resolve("live/demo-sd/index.m3u8");
            assertThat(get(unsigned).statusCode()).as("no media without a session").isIn(403, 404);

            await().atMost(Duration.ofSeconds(60)).until(() -> get(multivariant).statusCode() == 200);
            String variants = get(multivariant).body();
            assertThat(variants).contains("#EXT-X-STREAM-INF:", "RESOLUTION=640x360", "avc1.", "mp4a.40.2", "media.m3u8");

            String media = get(multivariant.resolve("media.m3u8")).body();
            assertThat(media).contains("#EXT-X-TARGETDURATION:2", "#EXT-X-PROGRAM-DATE-TIME:");
            String firstSegment = media.lines().filter(l -> l.endsWith(".ts")).findFirst().orElseThrow();
            HttpResponse<byte[]> segment = http.send(HttpRequest.newBuilder(multivariant.resolve(firstSegment)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(segment.statusCode()).isEqualTo(200);
            assertThat(segment.body().length % 188).isZero();
            assertThat(segment.body()[0]).isEqualTo((byte) 0x47);

            HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(Viewers.ts(server, loop.id())).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            try (InputStream in = stream.body()) {
                byte[] packets = in.readNBytes(188 * 20);
                assertThat(packets).hasSize(188 * 20);
                for (int i = 0; i < packets.length; i += 188) {
                    assertThat(packets[i]).as("sync byte of packet %d", i / 188).isEqualTo((byte) 0x47);
                }
            }

            String metrics = get(server.metricsUrl()).body();
            assertThat(metrics).contains("jvm_memory_used_bytes", "demo-sd", "headwater_sessions_opened_total",
                    "headwater_egress_capacity_bits_per_second");
        }
        assertThat(Files.list(dir.resolve("data").resolve("channels").resolve(loop.id()).resolve("live")))
                .anyMatch(p -> p.toString().endsWith(".ts"));
    }

    @Test
    void a_channel_or_source_the_headend_refuses_is_a_configuration_problem_naming_its_key(@TempDir Path dir) {
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = defaults.withChannels(List.of(
                new ChannelConfig("news", "News", List.of(URI.create("udp://239.1.1.1")), Optional.empty(), Optional.empty()),
                new ChannelConfig("a--b", "A", List.of(URI.create("file:///a.ts")), Optional.empty(), Optional.empty())));
        HeadwaterConfig inTemp = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir, defaults.ffmpeg(),
                defaults.demo(), defaults.hls(), defaults.health(), config.channels(), defaults.metrics(), defaults.database(), defaults.outbound());

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> HeadwaterServer.start(inTemp, FFMPEG));

        assertThat(e).isNotNull();
        assertThat(e.problems()).hasSize(1).first().asString().startsWith("channels[1]: channel id 'a--b'");
        ConfigException source = catchThrowableOfType(ConfigException.class, () -> HeadwaterServer.start(
                inTemp.withChannels(List.of(config.channels().getFirst())), FFMPEG));
        assertThat(source).isNotNull();
        assertThat(source.problems()).hasSize(1).first().asString().startsWith("channels[0].sources[0]: ").contains("udp://239.1.1.1");
        assertThat(dir.resolve("channels")).doesNotExist();
    }

    @Test
    void an_ffprobe_path_that_is_no_executable_fails_the_start_naming_its_key(@TempDir Path dir) {
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        Path missing = dir.resolve("no-ffprobe");
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                new FfmpegConfig(Optional.empty(), Optional.of(missing)), defaults.demo(), defaults.hls(),
                defaults.health(), List.of(), defaults.metrics(), defaults.database(), defaults.outbound());

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> HeadwaterServer.start(config, FFMPEG));

        assertThat(e).isNotNull();
        assertThat(e.problems()).containsExactly("ffmpeg.ffprobePath: ffprobe path " + missing
                + " is not an executable file");
        assertThat(dir.resolve("data")).as("nothing was opened").doesNotExist();
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
