package headwater.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import headwater.app.HeadwaterServer;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.HlsConfig;
import headwater.app.config.ServerConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegOrigin;
import headwater.headend.ChannelSpec;
import headwater.testkit.Fixtures;
import headwater.testkit.LoopbackHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code headwater.jar} (what {@code ./headwater} runs) as a separate process, against the database of a
 * server that is running: another process's write is seen by the server within seconds (SQLite WAL and busy_timeout
 * across processes), a backup is taken online, and a restore is refused. Runs in the package phase (see app/pom.xml).
 */
class StoreCommandsJarTest {

    private static final Path JAR = Path.of("target", "headwater.jar").toAbsolutePath();
    private static final Ffmpeg NO_FFMPEG = new Ffmpeg(Path.of("/usr/bin/ffmpeg"), FfmpegOrigin.PATH, "unused");

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run headwater(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--data-dir", dir.resolve("data").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("HEADWATER_"));
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("headwater " + String.join(" ", args) + " did not end within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void the_jar_changes_the_catalogue_of_a_running_server() throws Exception {
        assertThat(JAR).as("built by the package phase before this test").isRegularFile();
        Path media = Files.createDirectories(dir.resolve("media"));
        Files.write(media.resolve("loop.ts"), Fixtures.bytes(Fixtures.H264_AAC_180P));
        HeadwaterConfig defaults = HeadwaterConfig.defaults();
        HeadwaterConfig config = new HeadwaterConfig(new ServerConfig("127.0.0.1", 0), dir.resolve("data"),
                defaults.ffmpeg(), defaults.demo(), new HlsConfig(Duration.ofSeconds(1), 3, 1), defaults.health(),
                List.of(), defaults.metrics(), defaults.database(), defaults.outbound());
        HttpClient http = HttpClient.newHttpClient();

        try (LoopbackHttpServer origin = LoopbackHttpServer.serving(media);
             HeadwaterServer server = HeadwaterServer.start(config, NO_FFMPEG)) {
            Run added = headwater("channel", "add", "sport", "--number", "7", "--source", origin.url("/loop.ts").toString());
            assertThat(added.code()).as(added.err()).isZero();
            assertThat(added.out()).contains("sport", "7", "yes");
            assertThat(added.err()).isEmpty();

            headwater.app.Viewers.subscriber(server, headwater.app.Viewers.SUBSCRIBER, 50, "sport");
            URI playlist = headwater.app.Viewers.hls(server, "sport");
            await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(playlist).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

            Run listed = headwater("channel", "list", "--json");
            assertThat(listed.code()).isZero();
            assertThat(listed.out()).contains("\"id\" : \"sport\"");

            Path backup = dir.resolve("online.db");
            Run backedUp = headwater("backup", backup.toString());
            assertThat(backedUp.code()).as(backedUp.err()).isZero();
            assertThat(backup).isRegularFile();

            Run restore = headwater("restore", backup.toString());
            assertThat(restore.code()).isEqualTo(1);
            assertThat(restore.err()).isEqualTo("headwater: cannot restore while a Headwater server is running on "
                    + dir.resolve("data") + " (pid " + ProcessHandle.current().pid() + "): stop it first, then run"
                    + " restore again" + System.lineSeparator());

            Run disabled = headwater("channel", "disable", "sport");
            assertThat(disabled.code()).as(disabled.err()).isZero();
            await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(playlist).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 404);
            assertThat(server.runningChannels()).extracting(ChannelSpec::id).isEmpty();
        }
    }
}
