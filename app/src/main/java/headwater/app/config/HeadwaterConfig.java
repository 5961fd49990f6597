package headwater.app.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The whole configuration of one Headwater server, frozen after {@link ConfigLoader#load}: records all the way down
 * and unmodifiable lists. {@code headwater.example.yml} at the repository root documents every key.
 */
public record HeadwaterConfig(
        ServerConfig server,
        Path dataDir,
        FfmpegConfig ffmpeg,
        DemoConfig demo,
        HlsConfig hls,
        HealthConfig health,
        List<ChannelConfig> channels,
        MetricsConfig metrics,
        DatabaseSettings database,
        OutboundConfig outbound,
        VodConfig vod,
        SessionsConfig sessions,
        RedisConfig redis,
        XtreamConfig xtream,
        ArchiveConfig archive,
        SecurityConfig security,
        TlsConfig tls,
        BillingConfig billing) {

    public static final Path DEFAULT_DATA_DIR = Path.of("headwater-data");

    public HeadwaterConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(ffmpeg, "ffmpeg");
        Objects.requireNonNull(demo, "demo");
        Objects.requireNonNull(hls, "hls");
        Objects.requireNonNull(health, "health");
        channels = List.copyOf(channels);
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(outbound, "outbound");
        Objects.requireNonNull(vod, "vod");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(xtream, "xtream");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(billing, "billing");
    }

    /** A configuration with the default {@code billing.*} settings. */
    public HeadwaterConfig(ServerConfig server, Path dataDir, FfmpegConfig ffmpeg, DemoConfig demo, HlsConfig hls,
                           HealthConfig health, List<ChannelConfig> channels, MetricsConfig metrics,
                           DatabaseSettings database, OutboundConfig outbound, VodConfig vod, SessionsConfig sessions,
                           RedisConfig redis, XtreamConfig xtream, ArchiveConfig archive, SecurityConfig security,
                           TlsConfig tls) {
        this(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, vod, sessions, redis,
                xtream, archive, security, tls, BillingConfig.defaults());
    }

    /**
     * A configuration with plain HTTP ({@link TlsConfig#off()}): for tests and embedders that are not about TLS. The
     * loaded configuration and {@link #defaults()} serve HTTPS.
     */
    public HeadwaterConfig(ServerConfig server, Path dataDir, FfmpegConfig ffmpeg, DemoConfig demo, HlsConfig hls,
                           HealthConfig health, List<ChannelConfig> channels, MetricsConfig metrics,
                           DatabaseSettings database, OutboundConfig outbound, VodConfig vod, SessionsConfig sessions,
                           RedisConfig redis, XtreamConfig xtream, ArchiveConfig archive, SecurityConfig security) {
        this(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, vod, sessions, redis,
                xtream, archive, security, TlsConfig.off());
    }

    /** A configuration with the default {@code security.*} settings. */
    public HeadwaterConfig(ServerConfig server, Path dataDir, FfmpegConfig ffmpeg, DemoConfig demo, HlsConfig hls,
                           HealthConfig health, List<ChannelConfig> channels, MetricsConfig metrics,
                           DatabaseSettings database, OutboundConfig outbound, VodConfig vod, SessionsConfig sessions,
                           RedisConfig redis, XtreamConfig xtream, ArchiveConfig archive) {
        this(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, vod, sessions, redis,
                xtream, archive, SecurityConfig.defaults());
    }

    /** A configuration with the default {@code archive.*} settings. */
    public HeadwaterConfig(ServerConfig server, Path dataDir, FfmpegConfig ffmpeg, DemoConfig demo, HlsConfig hls,
                           HealthConfig health, List<ChannelConfig> channels, MetricsConfig metrics,
                           DatabaseSettings database, OutboundConfig outbound, VodConfig vod, SessionsConfig sessions,
                           RedisConfig redis, XtreamConfig xtream) {
        this(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, vod, sessions, redis,
                xtream, ArchiveConfig.defaults());
    }

    /** A configuration with the default {@code xtream.*} settings. */
    public HeadwaterConfig(ServerConfig server, Path dataDir, FfmpegConfig ffmpeg, DemoConfig demo, HlsConfig hls,
                           HealthConfig health, List<ChannelConfig> channels, MetricsConfig metrics,
                           DatabaseSettings database, OutboundConfig outbound, VodConfig vod, SessionsConfig sessions,
                           RedisConfig redis) {
        this(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, vod, sessions, redis,
                XtreamConfig.defaults());
    }

    /** A configuration with the default {@code sessions.*} and {@code redis.*} settings. */
    public HeadwaterConfig(ServerConfig server, Path dataDir, FfmpegConfig ffmpeg, DemoConfig demo, HlsConfig hls,
                           HealthConfig health, List<ChannelConfig> channels, MetricsConfig metrics,
                           DatabaseSettings database, OutboundConfig outbound, VodConfig vod) {
        this(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, vod,
                SessionsConfig.defaults(), RedisConfig.defaults());
    }

    /** A configuration with the default {@code vod.*} settings. */
    public HeadwaterConfig(ServerConfig server, Path dataDir, FfmpegConfig ffmpeg, DemoConfig demo, HlsConfig hls,
                           HealthConfig health, List<ChannelConfig> channels, MetricsConfig metrics,
                           DatabaseSettings database, OutboundConfig outbound) {
        this(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, VodConfig.defaults());
    }

    /** The configuration used when nothing is configured at all. */
    public static HeadwaterConfig defaults() {
        return new HeadwaterConfig(ServerConfig.defaults(), DEFAULT_DATA_DIR, FfmpegConfig.defaults(),
                DemoConfig.defaults(), HlsConfig.defaults(), HealthConfig.defaults(), List.of(),
                MetricsConfig.defaults(), DatabaseSettings.defaults(), OutboundConfig.defaults(), VodConfig.defaults(),
                SessionsConfig.defaults(), RedisConfig.defaults(), XtreamConfig.defaults(),
                ArchiveConfig.defaults(), SecurityConfig.defaults(), TlsConfig.defaults(),
                BillingConfig.defaults());
    }

    /** The same configuration with another list of channels (the demo replaces them with its own). */
    public HeadwaterConfig withChannels(List<ChannelConfig> newChannels) {
        return new HeadwaterConfig(server, dataDir, ffmpeg, demo, hls, health, newChannels, metrics, database, outbound, vod,
                sessions, redis, xtream, archive, security, tls, billing);
    }

    /** The same configuration with another data directory. */
    public HeadwaterConfig withDataDir(Path newDataDir) {
        return new HeadwaterConfig(server, newDataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, vod,
                sessions, redis, xtream, archive, security, tls, billing);
    }

    /** The same configuration with another outbound policy. */
    public HeadwaterConfig withOutbound(OutboundConfig newOutbound) {
        return new HeadwaterConfig(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, newOutbound, vod,
                sessions, redis, xtream, archive, security, tls, billing);
    }

    /** The same configuration with other {@code vod.*} settings. */
    public HeadwaterConfig withVod(VodConfig newVod) {
        return new HeadwaterConfig(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, newVod,
                sessions, redis, xtream, archive, security, tls, billing);
    }

    /** The same configuration with other database settings. */
    public HeadwaterConfig withDatabase(DatabaseSettings newDatabase) {
        return new HeadwaterConfig(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, newDatabase, outbound, vod,
                sessions, redis, xtream, archive, security, tls, billing);
    }

    /** The same configuration with other server settings. */
    public HeadwaterConfig withServer(ServerConfig newServer) {
        return new HeadwaterConfig(newServer, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, vod,
                sessions, redis, xtream, archive, security, tls, billing);
    }

    /** The same configuration with other {@code sessions.*} settings. */
    public HeadwaterConfig withSessions(SessionsConfig newSessions) {
        return new HeadwaterConfig(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, vod,
                newSessions, redis, xtream, archive, security, tls, billing);
    }

    /** The same configuration with other {@code redis.*} settings. */
    public HeadwaterConfig withRedis(RedisConfig newRedis) {
        return new HeadwaterConfig(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, vod,
                sessions, newRedis, xtream, archive, security, tls, billing);
    }

    /** The same configuration with other {@code xtream.*} settings. */
    public HeadwaterConfig withXtream(XtreamConfig newXtream) {
        return new HeadwaterConfig(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, vod,
                sessions, redis, newXtream, archive, security, tls, billing);
    }

    /** The same configuration with other {@code archive.*} settings. */
    public HeadwaterConfig withArchive(ArchiveConfig newArchive) {
        return new HeadwaterConfig(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, vod,
                sessions, redis, xtream, newArchive, security, tls, billing);
    }

    /** The same configuration with other {@code security.*} settings. */
    public HeadwaterConfig withSecurity(SecurityConfig newSecurity) {
        return new HeadwaterConfig(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, vod,
                sessions, redis, xtream, archive, newSecurity, tls, billing);
    }

    /** The same configuration with other {@code tls.*} settings. */
    public HeadwaterConfig withTls(TlsConfig newTls) {
        return new HeadwaterConfig(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, vod,
                sessions, redis, xtream, archive, security, newTls, billing);
    }

    /** The same configuration with other {@code billing.*} settings. */
    public HeadwaterConfig withBilling(BillingConfig newBilling) {
        return new HeadwaterConfig(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, vod,
                sessions, redis, xtream, archive, security, tls, newBilling);
    }
}
