package headwater.app.config;

/**
 * Prometheus metrics.
 *
 * @param enabled whether {@code /metrics} is served
 * @param jvm     whether JVM metrics (memory, GC, threads, CPU) are included
 */
public record MetricsConfig(boolean enabled, boolean jvm) {

    public static MetricsConfig defaults() {
        return new MetricsConfig(true, true);
    }
}
