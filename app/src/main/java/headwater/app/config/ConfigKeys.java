package headwater.app.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every key of the configuration and the rule that names its environment variable.
 *
 * <p>The variable of a key is {@code HEADWATER_} followed by the key's segments in upper snake case, joined by
 * {@code _}; a list index becomes its own segment: {@code server.port} is {@code HEADWATER_SERVER_PORT},
 * {@code hls.targetDuration} is {@code HEADWATER_HLS_TARGET_DURATION}, {@code channels[0].name} is
 * {@code HEADWATER_CHANNELS_0_NAME}.
 */
public final class ConfigKeys {

    public static final String ENV_PREFIX = "HEADWATER_";

    /** Sections that are mappings. */
    static final Set<String> SECTIONS = Set.of("server", "ffmpeg", "demo", "hls", "health", "metrics", "database", "outbound", "vod",
            "sessions", "redis", "xtream", "archive", "security", "tls", "billing");

    /** The one list of mappings; its keys are written {@code channels[].key} here. */
    static final String CHANNELS = "channels";

    static final List<String> CHANNEL_KEYS = List.of("id", "name", "sources", "slate", "targetDuration", "packages",
            "archiveDays");

    /** Every leaf key, in the order of headwater.example.yml. */
    static final List<String> LEAVES = List.of(
            "server.host", "server.port", "server.trustedProxies", "server.nodeId", "server.egressCapacity",
            "server.plainHttpPort", "server.plainHttpXtream",
            "dataDir",
            "ffmpeg.path", "ffmpeg.ffprobePath",
            "demo.fontFile", "demo.encryption",
            "hls.targetDuration", "hls.windowSegments", "hls.extraSegmentsOnDisk", "hls.keepSubtitles",
            "hls.keepScte35", "hls.keepOtherData", "hls.keyRotation",
            "health.noDataTimeout", "health.noVideoTimeout", "health.maxCcErrorsPerSecond", "health.probation",
            "health.backoffInitial", "health.backoffMax",
            "channels[].id", "channels[].name", "channels[].sources", "channels[].slate", "channels[].targetDuration",
            "channels[].packages", "channels[].archiveDays", "channels[].encryption",
            "metrics.enabled", "metrics.jvm",
            "database.url", "database.user", "database.password", "database.poolSize",
            "outbound.allowPrivate", "outbound.allowedNetworks",
            "vod.probeConcurrency", "vod.probeTimeout", "vod.scanInterval",
            "sessions.lifetime", "sessions.limitPolicy", "sessions.bindToAddress", "sessions.retryAfter",
            "sessions.defaultBitrate",
            "redis.url", "redis.prefix",
            "xtream.publicUrl", "xtream.httpsPort", "xtream.timeZone", "xtream.message", "xtream.loginCacheTtl",
            "xtream.maxFailuresPerAddress", "xtream.maxFailuresPerAccount", "xtream.failureWindow",
            "archive.dir", "archive.maxBytes",
            "security.masterKeyFile", "security.sessionIdleTimeout", "security.sessionLifetime",
            "security.totpIssuer",
            "tls.enabled", "tls.certificate", "tls.privateKey", "tls.privateKeyPassword", "tls.keystore",
            "tls.keystorePassword", "tls.hostNames", "tls.hstsMaxAge", "tls.reloadInterval",
            "billing.currency", "billing.taxRate", "billing.reminderDays", "billing.stripeSecretKey",
            "billing.stripeWebhookSecrets", "billing.stripeApiBase", "billing.returnUrl", "billing.smtpHost",
            "billing.smtpPort", "billing.smtpStartTls", "billing.smtpUsername", "billing.smtpPassword",
            "billing.mailFrom", "billing.creditPrice");

    /** Variables with this prefix belong to the launcher script, not to the configuration. */
    static final String LAUNCHER_ENV_PREFIX = "HEADWATER_JAVA_";

    /** The master key or its file ({@link SecurityConfig}): secrets, not configuration keys. */
    static final Set<String> SECRET_ENV = Set.of(SecurityConfig.MASTER_KEY_ENV, SecurityConfig.MASTER_KEY_FILE_ENV);

    /** The log level (logback.xml reads it), not a configuration key. */
    static final String LOG_LEVEL_ENV = "HEADWATER_LOG_LEVEL";

    private static final Pattern HUMP = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d*)]");

    private ConfigKeys() {
    }

    /** {@code hls.targetDuration} to {@code HEADWATER_HLS_TARGET_DURATION}, {@code channels[2].id} to {@code HEADWATER_CHANNELS_2_ID}. */
    public static String envName(String key) {
        String s = INDEX.matcher(key).replaceAll(".$1");
        s = HUMP.matcher(s).replaceAll("$1_$2");
        return ENV_PREFIX + s.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** {@code channels[3].sources[1]} to {@code channels[].sources[]}: the key with every index taken out. */
    static String normalize(String key) {
        return INDEX.matcher(key).replaceAll("[]");
    }

    static String parent(String normalizedKey) {
        int dot = normalizedKey.lastIndexOf('.');
        return dot < 0 ? "" : normalizedKey.substring(0, dot);
    }

    static String lastSegment(String normalizedKey) {
        return normalizedKey.substring(normalizedKey.lastIndexOf('.') + 1);
    }
}
