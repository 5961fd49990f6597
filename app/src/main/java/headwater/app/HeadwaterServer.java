package headwater.app;

import headwater.app.config.ChannelConfig;
import headwater.app.config.ConfigException;
import headwater.app.config.HeadwaterConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.wiring.ChannelSpecs;
import headwater.app.wiring.HeadendCatalog;
import headwater.delivery.DeliveryOptions;
import headwater.delivery.DeliveryServer;
import headwater.headend.ChannelSpec;
import headwater.headend.Headend;
import headwater.headend.source.InvalidSourceException;
import headwater.headend.source.Source;
import headwater.headend.source.SourceContext;
import headwater.headend.source.SourceFactory;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Headwater, built from the configuration: a Prometheus meter registry, the headend with its channels,
 * and the delivery server that serves them ({@link HeadendCatalog} adapts one to the other). {@link #close} stops
 * them in reverse order: no new requests, then the channels, then the metrics.
 */
public final class HeadwaterServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeadwaterServer.class);

    private final HeadwaterConfig config;
    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;
    private final Headend headend;
    private final DeliveryServer delivery;
    private final int port;

    private HeadwaterServer(HeadwaterConfig config, PrometheusMeterRegistry registry, JvmGcMetrics gcMetrics,
                            Headend headend, DeliveryServer delivery, int port) {
        this.config = config;
        this.registry = registry;
        this.gcMetrics = gcMetrics;
        this.headend = headend;
        this.delivery = delivery;
        this.port = port;
    }

    /**
     * Starts everything or nothing.
     *
     * @throws ConfigException       when a channel or source is refused by the headend (the message names it)
     * @throws IllegalStateException when the port cannot be bound or a channel cannot start
     */
    public static HeadwaterServer start(HeadwaterConfig config, Ffmpeg ffmpeg) {
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        HeadwaterConfig absolute = config.withDataDir(dataDir);
        List<ChannelSpec> specs = ChannelSpecs.of(absolute);
        SourceContext sources = SourceContext.defaults("").withFfmpegPath(ffmpeg.executable());
        checkSources(absolute, sources);

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmGcMetrics gc = null;
        if (config.metrics().jvm()) {
            new JvmMemoryMetrics().bindTo(registry);
            gc = new JvmGcMetrics();
            gc.bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
        }
        Headend headend = new Headend(dataDir,
                (spec, uri) -> SourceFactory.create(uri, sources.forChannel(spec.id())), registry);
        DeliveryServer delivery = null;
        try {
            headend.start(specs);
            Supplier<String> metrics = config.metrics().enabled() ? registry::scrape
                    : () -> "# metrics are disabled (metrics.enabled: false)\n";
            delivery = new DeliveryServer(DeliveryOptions.defaults(), new HeadendCatalog(headend.channels()), metrics);
            int port = delivery.start(config.server().host(), config.server().port());
            LOG.info("Headwater {} is serving {} channels on http://{}:{}/ (data in {})",
                    headwater.app.cli.ManifestVersion.version(), specs.size(), config.server().host(), port, dataDir);
            return new HeadwaterServer(absolute, registry, gc, headend, delivery, port);
        } catch (RuntimeException e) {
            if (delivery != null) {
                delivery.close();
            }
            headend.close();
            if (gc != null) {
                gc.close();
            }
            registry.close();
            throw e;
        }
    }

    /** Every source URI must make a source (no I/O happens yet), so that a bad one fails now, naming its key. */
    private static void checkSources(HeadwaterConfig config, SourceContext context) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < config.channels().size(); i++) {
            ChannelConfig channel = config.channels().get(i);
            List<URI> uris = new ArrayList<>(channel.sources());
            channel.slate().ifPresent(uris::add);
            for (int j = 0; j < uris.size(); j++) {
                String key = j < channel.sources().size() ? "channels[" + i + "].sources[" + j + "]" : "channels[" + i + "].slate";
                try (Source ignored = SourceFactory.create(uris.get(j), context.forChannel(channel.id()))) {
                    LOG.debug("{} is {}", key, ignored);
                } catch (InvalidSourceException e) {
                    problems.add(key + ": " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /**
     * Waits until every channel's media playlist lists at least {@code segments} segments, the least a player such as
     * Chromium's native HLS wants to start on; returns false when {@code timeout} passes first.
     */
    public boolean awaitSegments(int segments, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (headend.channels().stream().anyMatch(c -> c.window().playlistSegments().size() < segments)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    public List<ChannelConfig> channels() {
        return config.channels();
    }

    public Path dataDir() {
        return config.dataDir();
    }

    public Headend headend() {
        return headend;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The bound port (the configured one, or the one picked for port 0). */
    public int port() {
        return port;
    }

    public URI baseUrl() {
        String host = config.server().host();
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + port + "/");
    }

    /** Delivery's URL layout ({@code headwater.delivery.MediaPath}). */
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
        delivery.close();
        headend.close();
        if (gcMetrics != null) {
            gcMetrics.close();
        }
        registry.close();
    }
}
