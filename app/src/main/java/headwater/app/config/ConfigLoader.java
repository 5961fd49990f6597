package headwater.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import headwater.domain.billing.TaxRate;
import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import headwater.domain.session.LimitPolicy;
import headwater.domain.subscriber.Money;
import headwater.security.outbound.Cidr;
import headwater.security.tls.SubjectNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the configuration: defaults, then the YAML file, then {@code HEADWATER_*} environment variables, then
 * command-line options, each layer winning over the one before; then validates it. Every problem is collected and
 * reported at once, each naming its origin and key ({@link ConfigException}).
 *
 * <p>Lists in the environment: {@code HEADWATER_CHANNELS_<n>_<KEY>} sets a key of channel {@code n}; an index one
 * past the channels of the file adds a channel. {@code HEADWATER_CHANNELS_<n>_SOURCES} is a comma-separated list of
 * URIs. Variables starting with {@code HEADWATER_JAVA_} belong to the launcher and {@code HEADWATER_LOG_LEVEL} to
 * the logging setup; any other unknown
 * {@code HEADWATER_*} variable is an error, so a typo is not silently ignored.
 */
public final class ConfigLoader {

    public static final String DEFAULT_FILE_NAME = "headwater.yml";

    public static final Set<String> SOURCE_SCHEMES =
            new LinkedHashSet<>(List.of("udp", "rtp", "http", "https", "hls+http", "hls+https", "file", "ffmpeg"));

    private static final Duration MIN_TARGET = Duration.ofSeconds(1);
    private static final Duration MAX_TARGET = Duration.ofSeconds(30);
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final long MIN_CAPACITY = 1_000_000L;
    private static final long MAX_CAPACITY = 100_000_000_000_000L;
    private static final long MIN_BITRATE = 1_000L;
    private static final long MAX_BITRATE = 10_000_000_000L;
    private static final Pattern ID = Pattern.compile(ChannelConfig.ID_PATTERN);
    private static final Pattern CHANNEL_ENV = Pattern.compile("HEADWATER_CHANNELS_(\\d{1,4})_([A-Z0-9_]+)");

    private final YamlDocument file;
    private final Map<String, String> env;
    private final Map<String, ConfigOverride> overrides = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> consumedEnv = new LinkedHashSet<>();

    private ConfigLoader(YamlDocument file, Map<String, String> env, List<ConfigOverride> overrides) {
        this.file = file;
        this.env = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ConfigKeys.ENV_PREFIX)) {
                this.env.put(name, value);
            }
        });
        overrides.forEach(o -> this.overrides.put(o.key(), o));
    }

    /**
     * The file to read: {@code explicit} when given (it must exist), else {@code headwater.yml} in {@code workDir}
     * when present, else none.
     */
    public static Optional<Path> locateFile(Optional<Path> explicit, Path workDir) {
        if (explicit.isPresent()) {
            if (!Files.isRegularFile(explicit.get())) {
                throw new ConfigException(explicit.get() + ": no such file (given by --config)");
            }
            return explicit;
        }
        Path implicit = workDir.resolve(DEFAULT_FILE_NAME);
        return Files.isRegularFile(implicit) ? Optional.of(implicit) : Optional.empty();
    }

    /** Loads and validates; throws {@link ConfigException} naming every problem. */
    public static HeadwaterConfig load(Optional<Path> file, Map<String, String> env, List<ConfigOverride> overrides) {
        YamlDocument document = file.map(YamlDocument::read).orElseGet(YamlDocument::empty);
        return new ConfigLoader(document, env, overrides).bind();
    }

    /** Loads YAML text that has no file, such as a test's; {@code name} stands for the file in messages. */
    public static HeadwaterConfig loadText(String name, String yaml, Map<String, String> env) {
        return new ConfigLoader(YamlDocument.parse(name, yaml), env, List.of()).bind();
    }

    private HeadwaterConfig bind() {
        checkFileKeys();
        ServerConfig server = server();
        Path dataDir = path("dataDir").orElse(HeadwaterConfig.DEFAULT_DATA_DIR);
        FfmpegConfig ffmpeg = new FfmpegConfig(path("ffmpeg.path"), path("ffmpeg.ffprobePath"));
        DemoConfig demo = new DemoConfig(path("demo.fontFile"), encryption("demo.encryption", DemoConfig.DEFAULT_ENCRYPTED));
        HlsConfig hls = new HlsConfig(
                duration("hls.targetDuration", HlsConfig.DEFAULT_TARGET_DURATION, MIN_TARGET, MAX_TARGET),
                integer("hls.windowSegments", HlsConfig.DEFAULT_WINDOW_SEGMENTS, 3, 1_000),
                integer("hls.extraSegmentsOnDisk", HlsConfig.DEFAULT_EXTRA_SEGMENTS_ON_DISK, 0, 100_000),
                bool("hls.keepSubtitles", HlsConfig.DEFAULT_KEEP_SUBTITLES),
                bool("hls.keepScte35", HlsConfig.DEFAULT_KEEP_SCTE35),
                bool("hls.keepOtherData", HlsConfig.DEFAULT_KEEP_OTHER_DATA),
                duration("hls.keyRotation", HlsConfig.DEFAULT_KEY_ROTATION, Duration.ofSeconds(1), Duration.ofDays(1)));
        HealthConfig health = new HealthConfig(
                duration("health.noDataTimeout", HealthConfig.DEFAULT_NO_DATA_TIMEOUT, MIN_TIMEOUT, MAX_TIMEOUT),
                duration("health.noVideoTimeout", HealthConfig.DEFAULT_NO_VIDEO_TIMEOUT, MIN_TIMEOUT, MAX_TIMEOUT),
                integer("health.maxCcErrorsPerSecond", HealthConfig.DEFAULT_MAX_CC_ERRORS_PER_SECOND, 1, 100_000),
                duration("health.probation", HealthConfig.DEFAULT_PROBATION, MIN_TIMEOUT, MAX_TIMEOUT),
                duration("health.backoffInitial", HealthConfig.DEFAULT_BACKOFF_INITIAL, MIN_TIMEOUT, MAX_BACKOFF),
                duration("health.backoffMax", HealthConfig.DEFAULT_BACKOFF_MAX, MIN_TIMEOUT, MAX_BACKOFF));
        if (health.backoffMax().compareTo(health.backoffInitial()) < 0) {
            problem("health.backoffMax", "health.backoffMax must not be shorter than health.backoffInitial ("
                    + DurationText.format(health.backoffInitial()) + "), got " + DurationText.format(health.backoffMax()));
        }
        List<ChannelConfig> channels = channels();
        MetricsConfig metrics = new MetricsConfig(
                bool("metrics.enabled", true),
                bool("metrics.jvm", true));
        DatabaseSettings database = database();
        OutboundConfig outbound = new OutboundConfig(bool("outbound.allowPrivate", false), networks("outbound.allowedNetworks"));
        VodConfig vod = new VodConfig(
                integer("vod.probeConcurrency", VodConfig.DEFAULT_PROBE_CONCURRENCY, 1, 16),
                duration("vod.probeTimeout", VodConfig.DEFAULT_PROBE_TIMEOUT, Duration.ofSeconds(1), MAX_TIMEOUT),
                duration("vod.scanInterval", VodConfig.DEFAULT_SCAN_INTERVAL, Duration.ofSeconds(1), MAX_BACKOFF));
        SessionsConfig sessions = sessions();
        RedisConfig redis = new RedisConfig(redisUrl(), redisPrefix());
        XtreamConfig xtream = xtream();
        ArchiveConfig archive = new ArchiveConfig(path("archive.dir"),
                typed("archive.maxBytes", ArchiveConfig.DEFAULT_MAX_BYTES, ByteSizeText::parse, ByteSizeText.EXPECTED,
                        ArchiveConfig::acceptsMaxBytes, b -> ArchiveConfig.MAX_BYTES_RANGE, ByteSizeText::format));
        SecurityConfig security = security();
        TlsConfig tls = tls();
        if (server.plainHttpPort().isPresent() && !tls.enabled()) {
            problem("server.plainHttpPort", "server.plainHttpPort is for media beside HTTPS; with tls.enabled: false"
                    + " the main port serves plain HTTP already: remove it");
        }
        BillingConfig billing = billing();
        checkUnknownEnv();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new HeadwaterConfig(server, dataDir, ffmpeg, demo, hls, health, channels, metrics, database, outbound, vod,
                sessions, redis, xtream, archive, security, tls, billing);
    }

    // ---------------------------------------------------------------- security

    private SecurityConfig security() {
        Duration idle = duration("security.sessionIdleTimeout", SecurityConfig.DEFAULT_SESSION_IDLE_TIMEOUT,
                Duration.ofMinutes(1), Duration.ofDays(1));
        Duration lifetime = duration("security.sessionLifetime", SecurityConfig.DEFAULT_SESSION_LIFETIME,
                Duration.ofMinutes(1), Duration.ofDays(30));
        if (lifetime.compareTo(idle) < 0) {
            problem("security.sessionLifetime", "security.sessionLifetime must not be shorter than"
                    + " security.sessionIdleTimeout (" + DurationText.format(idle) + "), got "
                    + DurationText.format(lifetime));
            lifetime = idle;
        }
        String issuer = text("security.totpIssuer", SecurityConfig.DEFAULT_TOTP_ISSUER).strip();
        if (issuer.isEmpty() || issuer.length() > SecurityConfig.MAX_TOTP_ISSUER_LENGTH || issuer.contains(":")
                || issuer.chars().anyMatch(Character::isISOControl)) {
            problem("security.totpIssuer", "security.totpIssuer must be 1 to " + SecurityConfig.MAX_TOTP_ISSUER_LENGTH
                    + " characters without ':' or control characters (authenticator apps show it beside the"
                    + " account), got '" + issuer.replaceAll("\\p{Cntrl}", "?") + "'");
            issuer = SecurityConfig.DEFAULT_TOTP_ISSUER;
        }
        return new SecurityConfig(path("security.masterKeyFile"), idle, lifetime, issuer);
    }

    // ---------------------------------------------------------------- billing

    private BillingConfig billing() {
        String currency = text("billing.currency", BillingConfig.DEFAULT_CURRENCY);
        try {
            Money.of(0, currency);
        } catch (InvalidValueException e) {
            problem("billing.currency", "billing.currency '" + currency
                    + "' must be an ISO 4217 currency code such as EUR, USD or GBP");
            currency = BillingConfig.DEFAULT_CURRENCY;
        }
        TaxRate taxRate = TaxRate.NONE;
        String rate = text("billing.taxRate", "0");
        try {
            taxRate = TaxRate.percent(rate);
        } catch (InvalidValueException e) {
            problem("billing.taxRate", "billing.taxRate '" + rate
                    + "' must be a percentage from 0 to 100 with at most two decimals, such as 20 or 5.5");
        }
        int reminderDays = integer("billing.reminderDays", BillingConfig.DEFAULT_REMINDER_DAYS, 0, 30);
        // Secrets: taken as given, never quoted in a message.
        Optional<String> secretKey = lookup("billing.stripeSecretKey").flatMap(v -> scalar("billing.stripeSecretKey", v))
                .map(String::strip).filter(s -> !s.isEmpty());
        List<String> webhookSecrets = lookup("billing.stripeWebhookSecrets")
                .flatMap(v -> scalar("billing.stripeWebhookSecrets", v))
                .map(s -> java.util.Arrays.stream(s.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList())
                .orElse(List.of());
        secretKey.ifPresent(k -> {
            if (!k.startsWith("sk_") && !k.startsWith("rk_")) {
                problem("billing.stripeSecretKey", "billing.stripeSecretKey must be a Stripe secret or restricted key"
                        + " (sk_live_..., sk_test_... or rk_...); a publishable key (pk_...) cannot be used here");
            }
            if (webhookSecrets.isEmpty()) {
                problem("billing.stripeWebhookSecrets", "billing.stripeWebhookSecrets must name at least one webhook"
                        + " signing secret (whsec_...) when billing.stripeSecretKey is set: unsigned events are never"
                        + " believed");
            }
        });
        for (String secret : webhookSecrets) {
            if (!secret.startsWith("whsec_")) {
                problem("billing.stripeWebhookSecrets", "billing.stripeWebhookSecrets must be a comma-separated list"
                        + " of whsec_... secrets");
                break;
            }
        }
        URI apiBase = absoluteUrl("billing.stripeApiBase").orElse(BillingConfig.STRIPE_API);
        Optional<URI> returnUrl = absoluteUrl("billing.returnUrl");
        int creditPrice = integer("billing.creditPrice", 0, 0, 1_000_000);
        return new BillingConfig(currency, taxRate, reminderDays, secretKey, webhookSecrets, apiBase, returnUrl, smtp(),
                creditPrice);
    }

    private Optional<BillingConfig.Smtp> smtp() {
        String host = text("billing.smtpHost", "");
        int port = integer("billing.smtpPort", 587, 1, 65_535);
        boolean startTls = bool("billing.smtpStartTls", true);
        Optional<String> username = Optional.of(text("billing.smtpUsername", "")).filter(s -> !s.isEmpty());
        // A secret: taken as given, never quoted in a message.
        Optional<String> password = lookup("billing.smtpPassword").flatMap(v -> scalar("billing.smtpPassword", v))
                .filter(s -> !s.isEmpty());
        String from = text("billing.mailFrom", "");
        if (host.isEmpty()) {
            return Optional.empty();
        }
        if (!from.matches("[^@\\s]+@[^@\\s]+")) {
            problem("billing.mailFrom", "billing.mailFrom must be the sender's e-mail address when billing.smtpHost is"
                    + " set, got '" + from + "'");
            return Optional.empty();
        }
        return Optional.of(new BillingConfig.Smtp(host, port, startTls, username, password, from));
    }

    /** An absolute http(s) URL, or empty when the key is not set. */
    private Optional<URI> absoluteUrl(String key) {
        String text = text(key, "");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problem(key, key + " must be an absolute http:// or https:// URL without user information, got '" + text + "'");
        return Optional.empty();
    }

    // ---------------------------------------------------------------- server, sessions, redis

    private ServerConfig server() {
        String nodeId = text("server.nodeId", "");
        if (nodeId.isEmpty()) {
            nodeId = ServerConfig.defaultNodeId();
        } else if (!ServerConfig.validNodeId(nodeId)) {
            problem("server.nodeId", "server.nodeId '" + nodeId + "' must match " + ServerConfig.NODE_ID_PATTERN);
            nodeId = ServerConfig.defaultNodeId();
        }
        int port = integer("server.port", ServerConfig.DEFAULT_PORT, 0, 65_535);
        OptionalInt plainHttpPort = lookup("server.plainHttpPort").flatMap(v -> scalar("server.plainHttpPort", v))
                .filter(text -> !text.isBlank())
                .map(text -> OptionalInt.of(integer("server.plainHttpPort", -1, 0, 65_535)))
                .filter(p -> p.getAsInt() >= 0).orElse(OptionalInt.empty());
        if (plainHttpPort.isPresent() && plainHttpPort.getAsInt() != 0 && plainHttpPort.getAsInt() == port) {
            problem("server.plainHttpPort", "server.plainHttpPort must differ from server.port (" + port + ")");
        }
        return new ServerConfig(
                text("server.host", ServerConfig.DEFAULT_HOST),
                port,
                networks("server.trustedProxies"),
                nodeId,
                bitrate("server.egressCapacity", ServerConfig.DEFAULT_EGRESS_CAPACITY, MIN_CAPACITY, MAX_CAPACITY),
                plainHttpPort,
                bool("server.plainHttpXtream", false));
    }

    // ---------------------------------------------------------------- tls

    private TlsConfig tls() {
        Optional<Path> certificate = path("tls.certificate");
        Optional<Path> privateKey = path("tls.privateKey");
        Optional<String> keyPassword = secret("tls.privateKeyPassword");
        Optional<Path> keystore = path("tls.keystore");
        Optional<String> keystorePassword = secret("tls.keystorePassword");
        if (certificate.isPresent() != privateKey.isPresent()) {
            String missing = certificate.isPresent() ? "tls.privateKey" : "tls.certificate";
            problem(missing, missing + " must be set together with "
                    + (certificate.isPresent() ? "tls.certificate" : "tls.privateKey"));
        }
        if (keystore.isPresent() && certificate.isPresent()) {
            problem("tls.keystore", "tls.keystore and tls.certificate are two ways to give the certificate: set one");
        }
        if (keystore.isPresent() && keystorePassword.isEmpty()) {
            problem("tls.keystorePassword", "tls.keystorePassword must be set with tls.keystore");
        }
        if (keyPassword.isPresent() && privateKey.isEmpty()) {
            problem("tls.privateKeyPassword", "tls.privateKeyPassword is set but tls.privateKey is not");
        }
        List<String> hostNames = new ArrayList<>();
        for (ListItem item : listItems("tls.hostNames", "DNS names")) {
            String name = item.text().toLowerCase(java.util.Locale.ROOT);
            if (SubjectNames.validDnsName(name)) {
                hostNames.add(name);
            } else {
                problems.add(item.where() + ": " + item.key() + " '" + item.text()
                        + "' is not a DNS name (letters, digits, hyphens and dots, such as tv.example.net)");
            }
        }
        return new TlsConfig(bool("tls.enabled", true), certificate, privateKey, keyPassword, keystore,
                keystorePassword, hostNames,
                duration("tls.hstsMaxAge", TlsConfig.DEFAULT_HSTS_MAX_AGE, Duration.ZERO, Duration.ofDays(3650)),
                duration("tls.reloadInterval", TlsConfig.DEFAULT_RELOAD_INTERVAL, Duration.ofSeconds(1),
                        Duration.ofHours(24)));
    }

    /** A password: kept as given (no stripping), empty when absent or blank. */
    private Optional<String> secret(String key) {
        return lookup(key).flatMap(v -> scalar(key, v)).filter(s -> !s.isBlank());
    }

    private SessionsConfig sessions() {
        LimitPolicy policy = typed("sessions.limitPolicy", LimitPolicy.REFUSE_NEW, text -> {
            for (LimitPolicy p : LimitPolicy.values()) {
                if (SessionsConfig.policyName(p).equals(text.strip())) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }, "refuse-new or end-oldest", p -> true, p -> "", SessionsConfig::policyName);
        return new SessionsConfig(
                duration("sessions.lifetime", SessionsConfig.DEFAULT_LIFETIME, Duration.ofMinutes(1), Duration.ofDays(30)),
                policy,
                bool("sessions.bindToAddress", false),
                duration("sessions.retryAfter", SessionsConfig.DEFAULT_RETRY_AFTER, Duration.ofSeconds(1), Duration.ofHours(1)),
                bitrate("sessions.defaultBitrate", SessionsConfig.DEFAULT_BITS_PER_SECOND, MIN_BITRATE, MAX_BITRATE));
    }

    private XtreamConfig xtream() {
        ZoneId zone = typed("xtream.timeZone", XtreamConfig.DEFAULT_TIME_ZONE, text -> {
            try {
                return Optional.of(ZoneId.of(text.strip()));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }, "an IANA time zone such as UTC or Europe/London", z -> true, z -> "", ZoneId::getId);
        String message = lookup("xtream.message").flatMap(v -> scalar("xtream.message", v)).map(String::strip).orElse("");
        if (message.length() > 1_000 || message.chars().anyMatch(c -> c < ' ')) {
            problem("xtream.message", "xtream.message must be one line of at most 1000 characters");
            message = "";
        }
        return new XtreamConfig(
                publicUrl(),
                integer("xtream.httpsPort", 0, 0, 65_535),
                zone,
                message,
                duration("xtream.loginCacheTtl", XtreamConfig.DEFAULT_LOGIN_CACHE_TTL, Duration.ZERO, Duration.ofHours(1)),
                integer("xtream.maxFailuresPerAddress", XtreamConfig.DEFAULT_MAX_FAILURES_PER_ADDRESS, 1, 1_000_000),
                integer("xtream.maxFailuresPerAccount", XtreamConfig.DEFAULT_MAX_FAILURES_PER_ACCOUNT, 1, 1_000_000),
                duration("xtream.failureWindow", XtreamConfig.DEFAULT_FAILURE_WINDOW, Duration.ofSeconds(1),
                        Duration.ofDays(1)));
    }

    /** An absolute {@code http(s)://host[:port]} URL without path, query or user information. */
    private Optional<URI> publicUrl() {
        Optional<Value> found = lookup("xtream.publicUrl");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> text = scalar("xtream.publicUrl", found.get()).map(String::strip).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String expected = "xtream.publicUrl must be http://host[:port] or https://host[:port] (no path), got '"
                + text.get() + "'";
        try {
            URI uri = new URI(text.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && (path.isEmpty() || path.equals("/"))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return Optional.of(new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null));
            }
        } catch (URISyntaxException e) {
            expected += " (" + e.getReason() + ")";
        }
        problems.add(found.get().where() + ": " + expected);
        return Optional.empty();
    }

    private long bitrate(String key, long fallback, long min, long max) {
        return typed(key, fallback, BitrateText::parse, BitrateText.EXPECTED, b -> b >= min && b <= max,
                b -> "between " + BitrateText.format(min) + " and " + BitrateText.format(max), BitrateText::format);
    }

    private String redisPrefix() {
        String prefix = text("redis.prefix", RedisConfig.DEFAULT_PREFIX);
        if (prefix.length() > 64 || !prefix.chars().allMatch(c -> c > ' ' && c < 127)) {
            problem("redis.prefix", "redis.prefix '" + prefix + "' must have 1 to 64 printable ASCII characters"
                    + " without spaces");
            return RedisConfig.DEFAULT_PREFIX;
        }
        return prefix;
    }

    /** A {@code redis://} or {@code rediss://} URL with a host; never quoted whole, since it may hold a password. */
    private Optional<URI> redisUrl() {
        Optional<Value> found = lookup("redis.url");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> text = scalar("redis.url", found.get()).map(String::strip).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String expected = "redis.url must be redis://[user:password@]host[:port][/database] or rediss://...";
        URI uri;
        try {
            uri = new URI(text.get());
        } catch (URISyntaxException e) {
            problems.add(found.get().where() + ": " + expected + "; it is not a URI (" + e.getReason() + ")");
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss") || uri.getHost() == null) {
            problems.add(found.get().where() + ": " + expected + ", got '" + RedisConfig.withoutUserInfo(uri) + "'");
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    // ---------------------------------------------------------------- database

    private DatabaseSettings database() {
        Optional<String> url = Optional.of(text("database.url", "")).filter(s -> !s.isEmpty());
        Optional<String> user = Optional.of(text("database.user", "")).filter(s -> !s.isEmpty());
        // Taken as given (a password may start or end with a space); never quoted in a message.
        Optional<String> password = lookup("database.password").flatMap(v -> scalar("database.password", v))
                .filter(s -> !s.isEmpty());
        int poolSize = integer("database.poolSize", DatabaseSettings.defaults().poolSize(),
                DatabaseSettings.MIN_POOL_SIZE, DatabaseSettings.MAX_POOL_SIZE);
        DatabaseSettings settings = new DatabaseSettings(url, user, password, poolSize);
        url.ifPresent(u -> {
            String lower = u.toLowerCase(java.util.Locale.ROOT);
            boolean postgresql = lower.startsWith("jdbc:postgresql://");
            boolean sqliteFile = lower.startsWith("jdbc:sqlite:") && !lower.contains(":memory:")
                    && !lower.contains("mode=memory") && lower.length() > "jdbc:sqlite:".length();
            if (!postgresql && !sqliteFile) {
                problem("database.url", "database.url '" + settings.describeUrl() + "' must be empty (SQLite in"
                        + " <dataDir>/headwater.db), jdbc:postgresql://host[:port]/database, or jdbc:sqlite:/path/to/file.db"
                        + " (in-memory SQLite is not supported)");
            }
        });
        if (settings.sqlite()) {
            for (String key : List.of("database.user", "database.password")) {
                if (!(key.endsWith("user") ? user : password).isEmpty()) {
                    problem(key, key + " is set but the database is SQLite, which has no users or passwords:"
                            + " remove it, or set database.url to a jdbc:postgresql:// URL");
                }
            }
        }
        return settings;
    }

    /** A list of CIDRs: a YAML list, or comma-separated text (from the environment or a scalar). */
    private List<Cidr> networks(String key) {
        List<Cidr> networks = new ArrayList<>();
        for (ListItem item : listItems(key, "CIDRs")) {
            try {
                networks.add(Cidr.parse(item.text()));
            } catch (IllegalArgumentException e) {
                problems.add(item.where() + ": " + item.key() + " " + e.getMessage());
            }
        }
        return networks;
    }

    /** A list of catalogue package ids, checked as the catalogue checks ids; a repeated one is named. */
    private Set<String> packageIds(String key) {
        Set<String> ids = new LinkedHashSet<>();
        for (ListItem item : listItems(key, "package ids")) {
            try {
                // The domain's own id rule; its message reads "<where>: <key> '<text>' is not an id: ...".
                Check.id(item.where() + ":", item.key(), item.text());
                if (!ids.add(item.text())) {
                    problems.add(item.where() + ": " + item.key() + " '" + item.text() + "' is listed twice");
                }
            } catch (InvalidValueException e) {
                problems.add(e.getMessage());
            }
        }
        return ids;
    }

    /** One item of a list key, its own key ({@code key[i]}) and where it was written. */
    private record ListItem(String key, String text, String where) {
    }

    /**
     * The items of a list key: a YAML list, or comma-separated text (from the environment or a scalar); none when the
     * key is absent, or when it is a mapping (reported, naming {@code expected}).
     */
    private List<ListItem> listItems(String key, String expected) {
        Optional<Value> found = lookup(key);
        if (found.isEmpty()) {
            return List.of();
        }
        Value v = found.get();
        List<String> texts = new ArrayList<>();
        if (v.node() != null && v.node().isArray()) {
            v.node().forEach(item -> texts.add(item.isValueNode() ? item.asText() : YamlDocument.describe(item)));
        } else if (v.node() != null && !v.node().isValueNode()) {
            problems.add(v.where() + ": " + key + " must be a list of " + expected + ", got "
                    + YamlDocument.describe(v.node()));
            return List.of();
        } else {
            for (String part : v.text().split(",")) {
                if (!part.isBlank()) {
                    texts.add(part.strip());
                }
            }
        }
        List<ListItem> items = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String itemKey = key + "[" + i + "]";
            String where = v.node() != null && v.node().isArray() ? file.where(itemKey) : v.where();
            items.add(new ListItem(itemKey, texts.get(i), where));
        }
        return items;
    }

    // ---------------------------------------------------------------- channels

    private List<ChannelConfig> channels() {
        JsonNode list = file.at(ConfigKeys.CHANNELS);
        int inFile = list.isArray() ? list.size() : 0;
        int count = inFile;
        for (String name : env.keySet()) {
            Matcher m = CHANNEL_ENV.matcher(name);
            if (m.matches()) {
                int index = Integer.parseInt(m.group(1));
                if (index > count) {
                    consumedEnv.add(name);
                    problems.add("$" + name + ": channels[" + index + "] cannot be set before channels[" + count
                            + "]: there are " + count + " channels so far");
                } else if (index == count) {
                    count++;
                }
            }
        }
        List<ChannelConfig> channels = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String at = "channels[" + i + "]";
            String id = text(at + ".id", "");
            if (id.isEmpty()) {
                problem(at + ".id", at + ".id is missing: give each channel an id matching " + ChannelConfig.ID_PATTERN);
            } else if (!ID.matcher(id).matches()) {
                problem(at + ".id", at + ".id '" + id + "' must match " + ChannelConfig.ID_PATTERN);
            } else {
                Integer first = ids.putIfAbsent(id, i);
                if (first != null) {
                    problem(at + ".id", at + ".id '" + id + "' is already the id of channels[" + first + "]");
                }
            }
            String name = text(at + ".name", id);
            List<URI> sources = uris(at + ".sources");
            Optional<URI> slate = uri(at + ".slate");
            Optional<Duration> target = optionalDuration(at + ".targetDuration", MIN_TARGET, MAX_TARGET);
            Set<String> packages = packageIds(at + ".packages");
            int archiveDays = integer(at + ".archiveDays", 0, 0, ChannelConfig.MAX_ARCHIVE_DAYS);
            boolean encrypted = encryption(at + ".encryption");
            channels.add(new ChannelConfig(id, name, sources, slate, target, packages, archiveDays, encrypted));
        }
        return channels;
    }

    private List<URI> uris(String key) {
        Optional<Value> value = lookup(key);
        List<URI> uris = new ArrayList<>();
        if (value.isEmpty()) {
            problem(key, key + " must not be empty: list at least one source URI");
            return uris;
        }
        Value v = value.get();
        List<String> items = new ArrayList<>();
        int badItems = 0;
        if (v.node() != null && v.node().isArray()) {
            for (int i = 0; i < v.node().size(); i++) {
                JsonNode item = v.node().get(i);
                if (!item.isValueNode() || item.isNull()) {
                    problems.add(file.where(key + "[" + i + "]") + ": " + key + "[" + i + "] must be a URI, got "
                            + YamlDocument.describe(item));
                    badItems++;
                    continue;
                }
                items.add(item.asText());
            }
        } else if (v.node() != null && !v.node().isValueNode()) {
            problems.add(v.where() + ": " + key + " must be a list of URIs, got " + YamlDocument.describe(v.node()));
            return uris;
        } else {
            for (String part : v.text().split(",")) {
                if (!part.isBlank()) {
                    items.add(part.strip());
                }
            }
        }
        if (items.isEmpty() && badItems == 0) {
            problems.add(v.where() + ": " + key + " must not be empty: list at least one source URI");
        }
        for (int i = 0; i < items.size(); i++) {
            String itemKey = key + "[" + i + "]";
            String where = v.node() != null && v.node().isArray() ? file.where(itemKey) : v.where();
            parseSource(itemKey, items.get(i), where).ifPresent(uris::add);
        }
        return uris;
    }

    private Optional<URI> uri(String key) {
        return lookup(key).flatMap(v -> scalar(key, v).flatMap(text -> parseSource(key, text, v.where())));
    }

    private Optional<URI> parseSource(String key, String text, String where) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            problems.add(where + ": " + key + " '" + text + "' is not a URI: " + e.getReason() + " at index " + e.getIndex());
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!SOURCE_SCHEMES.contains(scheme)) {
            problems.add(where + ": " + key + " '" + text + "' must start with one of "
                    + String.join(":, ", SOURCE_SCHEMES) + ":");
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    // ---------------------------------------------------------------- scalar keys

    /** A value from one layer, with where it came from. {@code node} is null for text from env or options. */
    private record Value(JsonNode node, String text, String where) {
    }

    private Optional<Value> lookup(String key) {
        String envName = ConfigKeys.envName(key);
        String fromEnv = env.get(envName);
        if (fromEnv != null) {
            consumedEnv.add(envName);
        }
        ConfigOverride override = overrides.get(key);
        if (override != null) {
            return Optional.of(new Value(null, override.value(), override.origin()));
        }
        if (fromEnv != null) {
            return Optional.of(new Value(null, fromEnv, "$" + envName));
        }
        JsonNode node = file.at(key);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new Value(node, node.isValueNode() ? node.asText() : null, file.where(key)));
    }

    private Optional<String> scalar(String key, Value v) {
        if (v.node() != null && !v.node().isValueNode()) {
            problems.add(v.where() + ": " + key + " must be a single value, got " + YamlDocument.describe(v.node()));
            return Optional.empty();
        }
        return Optional.of(v.text());
    }

    private String text(String key, String fallback) {
        return lookup(key).flatMap(v -> scalar(key, v)).map(String::strip).filter(s -> !s.isEmpty()).orElse(fallback);
    }

    private Optional<Path> path(String key) {
        return lookup(key).flatMap(v -> scalar(key, v).filter(s -> !s.isBlank()).flatMap(s -> {
            try {
                return Optional.of(Path.of(s.strip()));
            } catch (InvalidPathException e) {
                problems.add(v.where() + ": " + key + " '" + s + "' is not a path: " + e.getReason());
                return Optional.empty();
            }
        }));
    }

    private int integer(String key, int fallback, int min, int max) {
        return typed(key, fallback, text -> {
            try {
                return Optional.of(Integer.parseInt(text.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }, "a whole number", n -> n >= min && n <= max, n -> "between " + min + " and " + max, String::valueOf);
    }

    /** {@code aes-128} (encrypted) or {@code none} (the default). */
    private boolean encryption(String key) {
        return encryption(key, false);
    }

    private boolean encryption(String key, boolean fallback) {
        return typed(key, fallback, text -> switch (text.strip()) {
            case ChannelConfig.AES_128 -> Optional.of(true);
            case ChannelConfig.NONE -> Optional.of(false);
            default -> Optional.empty();
        }, ChannelConfig.AES_128 + " or " + ChannelConfig.NONE, b -> true, b -> "",
                b -> b ? ChannelConfig.AES_128 : ChannelConfig.NONE);
    }

    private boolean bool(String key, boolean fallback) {
        return typed(key, fallback, text -> switch (text.strip()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        }, "true or false", b -> true, b -> "", String::valueOf);
    }

    private Duration duration(String key, Duration fallback, Duration min, Duration max) {
        return optionalDuration(key, min, max).orElse(fallback);
    }

    private Optional<Duration> optionalDuration(String key, Duration min, Duration max) {
        if (lookup(key).isEmpty()) {
            return Optional.empty();
        }
        Duration d = typed(key, null, DurationText::parse, DurationText.EXPECTED,
                v -> v.compareTo(min) >= 0 && v.compareTo(max) <= 0,
                v -> "between " + DurationText.format(min) + " and " + DurationText.format(max),
                DurationText::format);
        return Optional.ofNullable(d);
    }

    private <T> T typed(String key, T fallback, Function<String, Optional<T>> parse, String expected,
                        java.util.function.Predicate<T> inRange, Function<T, String> range, Function<T, String> show) {
        Optional<Value> found = lookup(key);
        if (found.isEmpty()) {
            return fallback;
        }
        Value v = found.get();
        Optional<String> text = scalar(key, v);
        if (text.isEmpty()) {
            return fallback;
        }
        Optional<T> parsed = parse.apply(text.get());
        if (parsed.isEmpty()) {
            problems.add(v.where() + ": " + key + " must be " + expected + ", got '" + text.get() + "'");
            return fallback;
        }
        if (!inRange.test(parsed.get())) {
            problems.add(v.where() + ": " + key + " must be " + range.apply(parsed.get()) + ", got " + show.apply(parsed.get()));
            return fallback;
        }
        return parsed.get();
    }

    private void problem(String key, String message) {
        String where = lookup(key).map(Value::where).orElseGet(() -> file.where(key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : key));
        problems.add(where + ": " + message);
    }

    // ---------------------------------------------------------------- unknown keys

    private void checkFileKeys() {
        JsonNode root = file.root();
        if (!root.isObject()) {
            return;
        }
        checkMapping(root, "");
    }

    private void checkMapping(JsonNode mapping, String at) {
        mapping.fieldNames().forEachRemaining(name -> {
            String key = at.isEmpty() ? name : at + "." + name;
            String normalized = ConfigKeys.normalize(key);
            JsonNode child = mapping.get(name);
            if (ConfigKeys.SECTIONS.contains(normalized)) {
                if (child.isObject()) {
                    checkMapping(child, key);
                } else if (!child.isNull()) {
                    problems.add(file.where(key) + ": " + key + " must be a mapping of keys, got " + YamlDocument.describe(child));
                }
            } else if (normalized.equals(ConfigKeys.CHANNELS)) {
                if (child.isArray()) {
                    for (int i = 0; i < child.size(); i++) {
                        String item = key + "[" + i + "]";
                        if (child.get(i).isObject()) {
                            checkMapping(child.get(i), item);
                        } else {
                            problems.add(file.where(item) + ": " + item + " must be a mapping with id, name and sources, got "
                                    + YamlDocument.describe(child.get(i)));
                        }
                    }
                } else if (!child.isNull()) {
                    problems.add(file.where(key) + ": " + key + " must be a list of channels, got " + YamlDocument.describe(child));
                }
            } else if (!ConfigKeys.LEAVES.contains(normalized)) {
                problems.add(file.where(key) + ": unknown key '" + key + "'" + hint(normalized, key));
            }
        });
    }

    private static String hint(String normalized, String key) {
        String parent = ConfigKeys.parent(normalized);
        List<String> siblings = new ArrayList<>();
        for (String known : ConfigKeys.LEAVES) {
            if (ConfigKeys.parent(known).equals(parent)) {
                siblings.add(ConfigKeys.lastSegment(known));
            }
        }
        if (parent.isEmpty()) {
            siblings.addAll(ConfigKeys.SECTIONS);
            siblings.add(ConfigKeys.CHANNELS);
        }
        String prefix = key.substring(0, key.length() - ConfigKeys.lastSegment(normalized).length());
        return Suggestion.closest(ConfigKeys.lastSegment(normalized), siblings)
                .map(s -> "; did you mean '" + prefix + s + "'?")
                .orElse("; known keys here: " + String.join(", ", siblings.stream().sorted().toList()));
    }

    private void checkUnknownEnv() {
        List<String> knownNames = new ArrayList<>();
        for (String leaf : ConfigKeys.LEAVES) {
            knownNames.add(ConfigKeys.envName(leaf.replace("[]", "[0]")));
        }
        for (String name : env.keySet()) {
            if (consumedEnv.contains(name) || name.startsWith(ConfigKeys.LAUNCHER_ENV_PREFIX)
                    || name.equals(ConfigKeys.LOG_LEVEL_ENV) || ConfigKeys.SECRET_ENV.contains(name)) {
                continue;
            }
            Matcher m = CHANNEL_ENV.matcher(name);
            String typed = m.matches() ? "HEADWATER_CHANNELS_0_" + m.group(2) : name;
            String hint = Suggestion.closest(typed, knownNames)
                    .map(s -> m.matches() ? s.replace("_CHANNELS_0_", "_CHANNELS_" + m.group(1) + "_") : s)
                    .map(s -> "; did you mean " + s + "?")
                    .orElse("; see headwater.example.yml for the keys and the naming rule");
            problems.add("$" + name + ": unknown configuration variable" + hint);
        }
    }
}
