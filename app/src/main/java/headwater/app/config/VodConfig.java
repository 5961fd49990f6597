package headwater.app.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The background probing of films and episodes ({@code vod.*}).
 *
 * @param probeConcurrency how many ffprobe processes may run at once (each is one process reading one file)
 * @param probeTimeout     the time one probe may take before ffprobe is killed
 * @param scanInterval     how often the catalogue is scanned for films and episodes to probe
 */
public record VodConfig(int probeConcurrency, Duration probeTimeout, Duration scanInterval) {

    public static final int DEFAULT_PROBE_CONCURRENCY = 1;
    public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SCAN_INTERVAL = Duration.ofSeconds(30);

    public VodConfig {
        if (probeConcurrency < 1) {
            throw new IllegalArgumentException("probeConcurrency must be at least 1, got " + probeConcurrency);
        }
        Objects.requireNonNull(probeTimeout, "probeTimeout");
        Objects.requireNonNull(scanInterval, "scanInterval");
    }

    public static VodConfig defaults() {
        return new VodConfig(DEFAULT_PROBE_CONCURRENCY, DEFAULT_PROBE_TIMEOUT, DEFAULT_SCAN_INTERVAL);
    }

    /** The same settings scanning every {@code interval} (tests use short ones). */
    public VodConfig withScanInterval(Duration interval) {
        return new VodConfig(probeConcurrency, probeTimeout, interval);
    }
}
