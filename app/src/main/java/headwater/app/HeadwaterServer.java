package headwater.app;

import headwater.app.config.ChannelConfig;
import headwater.app.config.HeadwaterConfig;
import headwater.app.ffmpeg.Ffmpeg;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * One running Headwater: metrics registry, headend and delivery server, built from the configuration.
 * TODO(wiring): the headend and delivery modules are merged at 06:10 UTC; until then start() refuses to run.
 */
public final class HeadwaterServer implements AutoCloseable {

    private final HeadwaterConfig config;
    private final int port;

    private HeadwaterServer(HeadwaterConfig config, int port) {
        this.config = config;
        this.port = port;
    }

    public static HeadwaterServer start(HeadwaterConfig config, Ffmpeg ffmpeg) {
        throw new IllegalStateException("the server cannot start yet: the headend and delivery modules are not wired in");
    }

    public List<ChannelConfig> channels() {
        return config.channels();
    }

    public Path dataDir() {
        return config.dataDir();
    }

    public URI baseUrl() {
        return URI.create("http://" + config.server().host() + ":" + port + "/");
    }

    public URI multivariantUrl(String channel) {
        return baseUrl().resolve("live/" + channel + "/index.m3u8");
    }

    public URI streamUrl(String channel) {
        return baseUrl().resolve("live/" + channel + ".ts");
    }

    public URI metricsUrl() {
        return baseUrl().resolve("metrics");
    }

    @Override
    public void close() {
    }
}
