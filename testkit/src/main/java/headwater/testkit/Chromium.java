package headwater.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver. Nothing is downloaded: the driver and
 * the browser binary are both given explicitly, so Selenium Manager is never consulted. Each instance runs one
 * browser with a fresh temporary profile, deleted on {@link #close()}.
 *
 * <pre>{@code
 * Playback playback = Chromium.playHls("http://127.0.0.1:8080/live/news/index.m3u8", Duration.ofSeconds(6));
 * assertThat(playback.timeAdvanced()).as(playback.toString()).isGreaterThan(2);
 * }</pre>
 */
public final class Chromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration SAMPLE_EVERY = Duration.ofMillis(250);

    static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--autoplay-policy=no-user-gesture-required", "--mute-audio", "--disable-dev-shm-usage");

    private static final String READ_VIDEO = """
            const v = document.querySelector('video');
            if (!v) { return null; }
            const err = v.error ? (v.error.code + ': ' + v.error.message)
                                : (window.headwaterPlayError || null);
            return [v.currentTime, v.readyState, v.videoWidth, v.videoHeight, v.paused, err];
            """;

    private final Path profile;
    private final ChromeDriver driver;

    private Chromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /**
     * Starts a headless browser. Skips the calling test when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver}
     * is missing (fails it under {@code CI=true}).
     */
    public static Chromium launch() {
        return launch(List.of());
    }

    /**
     * A headless browser that also trusts the HTTPS server whose public key has this SHA-256 (base64 of the DER
     * SubjectPublicKeyInfo's digest), as {@code --ignore-certificate-errors-spki-list} does: that key only, every
     * other certificate is still checked.
     */
    public static Chromium launchTrusting(String spkiSha256Base64) {
        return launch(List.of("--ignore-certificate-errors-spki-list=" + spkiSha256Base64));
    }

    private static Chromium launch(List<String> extraFlags) {
        Path binary = Tools.require(BINARY, "chromium");
        Path driverBinary = Tools.require(DRIVER, "chromium-driver");
        // Both set: Selenium's DriverFinder then uses them as they are and never runs Selenium Manager.
        System.setProperty("webdriver.chrome.driver", driverBinary.toString());
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        Path profile;
        try {
            profile = Files.createTempDirectory("headwater-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a Chromium profile directory", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments(FLAGS);
        options.addArguments(extraFlags);
        options.addArguments("--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            return new Chromium(profile, driver);
        } catch (RuntimeException e) {
            deleteTree(profile);
            throw e;
        }
    }

    /** Launches a browser, plays {@code url} for {@code duration} (see {@link #play}) and closes the browser. */
    public static Playback playHls(String url, Duration duration) {
        try (Chromium chromium = launch()) {
            return chromium.play(url, duration);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Plays a stream for {@code duration}, sampling the {@code <video>} element every 250 ms.
     *
     * @param url either an HLS playlist ({@code http://127.0.0.1:.../x.m3u8}), which is then put into a minimal
     *     {@code <video muted autoplay src=...>} page served by a {@link LoopbackHttpServer} started for the call; or an
     *     {@code http://} page of the caller that holds a {@code <video>} element
     */
    public Playback play(String url, Duration duration) {
        boolean playlist = URI.create(url).getPath().endsWith(".m3u8");
        if (playlist) {
            try (LoopbackHttpServer pageServer = LoopbackHttpServer.playerOnly()) {
                return sample(pageServer.playerPage(url).toString(), url, duration);
            }
        }
        return sample(url, url, duration);
    }

    private Playback sample(String page, String url, Duration duration) {
        driver.get(page);
        // The window starts once the page has loaded: on a busy machine loading alone can take seconds, and a window
        // eaten by it would say nothing about playback.
        long start = System.nanoTime();
        List<PlaybackSample> samples = new ArrayList<>();
        long end = start + duration.toNanos();
        while (true) {
            Object raw = ((JavascriptExecutor) driver).executeScript(READ_VIDEO);
            Duration at = Duration.ofNanos(System.nanoTime() - start);
            if (raw instanceof List<?> v) {
                samples.add(new PlaybackSample(at, ((Number) v.get(0)).doubleValue(), ((Number) v.get(1)).intValue(),
                        ((Number) v.get(2)).intValue(), ((Number) v.get(3)).intValue(), (Boolean) v.get(4),
                        v.get(5) == null ? null : v.get(5).toString()));
            } else {
                samples.add(new PlaybackSample(at, 0, 0, 0, 0, true, "the page has no <video> element"));
            }
            if (System.nanoTime() >= end) {
                return new Playback(url, samples);
            }
            try {
                Thread.sleep(SAMPLE_EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Playback(url, samples);
            }
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
