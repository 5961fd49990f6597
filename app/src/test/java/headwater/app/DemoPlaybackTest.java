package headwater.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.app.config.ChannelConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.ServerConfig;
import headwater.app.demo.DemoFont;
import headwater.app.demo.DemoLoop;
import headwater.app.demo.DemoMedia;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegCapabilities;
import headwater.app.ffmpeg.FfmpegOrigin;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, plays a demo channel's HLS from the running server: the video's time advances. */
class DemoPlaybackTest {

    private static final Ffmpeg FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "test");

    @Test
    void chromium_plays_the_sd_demo_channel(@TempDir Path dir) {
        DemoLoop loop = DemoLoop.standard().get(1);
        Path file = new DemoMedia(FFMPEG, FfmpegCapabilities.probe(FFMPEG.executable()),
                DemoFont.locate(Optional.empty(), DemoFont.COMMON), dir.resolve("demo"), Duration.ofSeconds(6))
                .render(List.of(loop)).getFirst();
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), defaults.hls(), defaults.health(),
                List.of(new ChannelConfig(loop.id(), loop.name(), List.of(file.toUri()), Optional.empty(),
                        Optional.of(Duration.ofSeconds(2)))),
                defaults.metrics());

        try (HeadwaterServer server = HeadwaterServer.start(config, FFMPEG)) {
            // A player gives up on a 503 and wants a few segments to start on, so join once the window has three,
            // as a viewer of a running channel does.
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest media = HttpRequest.newBuilder(server.multivariantUrl(loop.id()).resolve("media.m3u8")).build();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                HttpResponse<String> r = http.send(media, HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().split("#EXTINF", -1).length > 3;
            });
            ChromeOptions options = new ChromeOptions()
                    .setBinary("/usr/bin/chromium")
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--autoplay-policy=no-user-gesture-required", "--mute-audio");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                    .build();
            ChromeDriver browser = new ChromeDriver(service, options);
            try {
                browser.get(server.baseUrl().resolve("healthz").toString());
                JavascriptExecutor js = browser;
                js.executeScript("""
                        const v = document.createElement('video');
                        v.id = 'player'; v.muted = true; v.autoplay = true;
                        v.src = arguments[0];
                        document.body.appendChild(v);
                        v.play().catch(() => {});
                        """, server.multivariantUrl(loop.id()).toString());

                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .alias("video time advances")
                        .until(() -> (String) js.executeScript("""
                                const v = document.getElementById('player');
                                return 'time=' + v.currentTime + ' ready=' + v.readyState + ' network=' + v.networkState
                                    + ' error=' + (v.error && v.error.code + ' ' + v.error.message);
                                """), state -> Double.parseDouble(state.substring(5, state.indexOf(' '))) > 3.0);
                Number width = (Number) js.executeScript("return document.getElementById('player').videoWidth;");
                assertThat(width.intValue()).isEqualTo(640);
                Object error = js.executeScript("const e = document.getElementById('player').error; return e && e.message;");
                assertThat(error).isNull();
            } finally {
                browser.quit();
            }
        }
    }
}
