package headwater.app;

import headwater.app.config.ChannelConfig;
import headwater.app.config.ConfigException;
import headwater.app.config.HeadwaterConfig;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.api.Argon2PasswordHasher;
import headwater.api.auth.WebAuthentication;
import headwater.api.xtream.LoginLimits;
import headwater.api.xtream.MediaEntry;
import headwater.api.xtream.PlayerApi;
import headwater.api.xtream.PlaylistExport;
import headwater.api.xtream.StoreXtreamLogin;
import headwater.api.xtream.XmltvExport;
import headwater.api.xtream.XtreamApi;
import headwater.api.xtream.XtreamServices;
import headwater.app.config.XtreamConfig;
import headwater.app.audit.SecurityChainHasher;
import headwater.app.protect.AtRest;
import headwater.app.billing.BillingWiring;
import headwater.app.billing.DeskBillingControl;
import headwater.api.auth.WebAuthentication;
import headwater.app.wiring.AdminApiMount;
import headwater.app.wiring.WebLogins;
import headwater.api.identity.AuthSettings;
import headwater.api.identity.FirstRunSetup;
import headwater.delivery.Mount;
import headwater.app.wiring.CatalogueVod;
import headwater.app.wiring.ClientAddress;
import headwater.app.wiring.StoredStreamKeys;
import headwater.security.outbound.HostResolver;
import headwater.app.wiring.HeadendArchives;
import headwater.app.wiring.XtreamSurface;
import headwater.domain.archive.ArchiveStatus;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import headwater.store.xtream.JdbiPlaylistTokenRepository;
import headwater.app.vod.ConfiguredProbe;
import headwater.app.vod.VodProber;
import headwater.app.vod.VodProbing;
import headwater.app.wiring.CatalogueChannels;
import headwater.app.wiring.CatalogueFingerprint;
import headwater.app.wiring.CatalogueSync;
import headwater.app.wiring.ChannelSpecs;
import headwater.app.wiring.DataDirLock;
import headwater.app.wiring.GuideRelink;
import headwater.app.wiring.HeadendArchives;
import headwater.app.wiring.HeadendCatalog;
import headwater.app.wiring.HeadendRenditions;
import headwater.app.wiring.OutboundGuideFetcher;
import headwater.app.wiring.OperatorSessions;
import headwater.app.wiring.ServerTls;
import headwater.app.wiring.PlaybackSessions;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.domain.guide.GuideImport;
import headwater.domain.guide.GuideImportOptions;
import headwater.domain.guide.GuideRefreshScheduler;
import headwater.delivery.DeliveryOptions;
import headwater.delivery.DeliveryServer;
import headwater.delivery.PlainHttpPort;
import headwater.headend.ChannelSpec;
import headwater.headend.Headend;
import headwater.headend.keys.StreamKeys;
import headwater.store.streamkey.JdbiChannelKeyRepository;
import headwater.headend.source.InvalidSourceException;
import headwater.headend.source.Source;
import headwater.headend.source.SourceContext;
import headwater.headend.source.SourceFactory;
import headwater.domain.audit.AuditLog;
import headwater.domain.protect.FieldCipher;
import headwater.store.Database;
import headwater.store.audit.JdbiAuditLog;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.store.guide.JdbiGuideSourceRepository;
import headwater.store.guide.JdbiGuideStore;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import headwater.domain.vod.MediaProbe;
import io.micrometer.core.instrument.Gauge;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Headwater, built from the configuration: the lock of the data directory, the store (opened and
 * migrated first), a Prometheus meter registry, the headend with the configuration's channels and the catalogue's
 * enabled ones ({@link CatalogueSync} follows the catalogue while the server runs), and the delivery server that
 * serves them ({@link HeadendCatalog} adapts one to the other) with the admin API mounted under /api/
 * ({@link AdminApiMount}), the catch-up archives ({@link HeadendArchives}: the headend records into them, delivery
 * serves their windows), films and episodes ({@link CatalogueVod}), the Xtream Codes API as delivery's fallback for
 * every other path ({@link XtreamSurface}), and the scheduled refresh of the guide sources
 * ({@link GuideRefreshScheduler}). {@link #close} stops them in reverse order: no new
 * requests, then the catalogue sync, the channels, the metrics, and the store last.
 */
public final class HeadwaterServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeadwaterServer.class);

    /** How often the catalogue is read for changed channels (see {@link CatalogueSync} for why it is polled). */
    public static final Duration CATALOGUE_POLL = Duration.ofSeconds(2);

    /** How often the guide sources are checked for a due refresh (each has its own refresh interval). */
    static final Duration GUIDE_TICK = Duration.ofMinutes(1);

    private final HeadwaterConfig config;
    private final Resources resources;
    private final int port;

    /** What {@link #start} opened, closed in reverse order by {@link #close}. */
    private static final class Resources {
        DataDirLock lock;
        Database database;
        AtRest atRest;
        JdbiAuditLog audit;
        PrometheusMeterRegistry registry;
        JvmGcMetrics gcMetrics;
        HeadendArchives archives;
        Headend headend;
        CatalogueSync sync;
        CatalogueChannels directory;
        HeadendRenditions renditions;
        GuideRefreshScheduler guides;
        VodProber prober;
        DeliveryServer delivery;
        ServerTls tls;
        PlaybackSessions sessions;
        BillingWiring billing;

        void close() {
            if (tls != null) {
                tls.close();
            }
            if (billing != null) {
                billing.close();
            }
            if (delivery != null) {
                delivery.close();
            }
            if (sessions != null) {
                sessions.close();
            }
            if (sync != null) {
                sync.close();
            }
            if (prober != null) {
                prober.close();
            }
            if (guides != null) {
                guides.close();
            }
            if (headend != null) {
                headend.close();
            }
            if (archives != null) {
                archives.close();
            }
            if (gcMetrics != null) {
                gcMetrics.close();
            }
            if (registry != null) {
                registry.close();
            }
            if (database != null) {
                database.close();
            }
            if (lock != null) {
                lock.close();
            }
        }
    }

    private HeadwaterServer(HeadwaterConfig config, Resources resources, int port) {
        this.config = config;
        this.resources = resources;
        this.port = port;
    }

    /**
     * Starts everything or nothing.
     *
     * @throws ConfigException       when a channel or source is refused by the headend (the message names it)
     * @throws IllegalStateException when another server runs on the data directory, the port cannot be bound or a
     *                               channel cannot start
     * @throws headwater.store.DatabaseException when the store cannot be opened or migrated
     */
    public static HeadwaterServer start(HeadwaterConfig config, Ffmpeg ffmpeg) {
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        HeadwaterConfig absolute = config.withDataDir(dataDir);
        List<ChannelSpec> specs = ChannelSpecs.of(absolute);
        SourceContext sources = SourceContext.defaults("").withFfmpegPath(ffmpeg.executable());
        checkSources(absolute, sources);
        Optional<MediaProbe> vodProbe = vodProbe(absolute);

        Resources r = new Resources();
        try {
            r.lock = DataDirLock.acquire(dataDir);
            r.database = Database.open(absolute.database().toDatabaseConfig(dataDir));
            r.atRest = AtRest.open(absolute, r.database, System.getenv(), Clock.systemUTC());
            FieldCipher cipher = r.atRest.cipher();
            r.audit = new JdbiAuditLog(r.database, SecurityChainHasher.INSTANCE);
            r.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            JdbiAuditLog audit = r.audit;
            Gauge.builder("headwater_audit_failures", audit, JdbiAuditLog::failures)
                    .description("Audit events that could not be recorded since start (each is logged)")
                    .register(r.registry);
            if (config.metrics().jvm()) {
                r.gcMetrics = bindJvmMetrics(r.registry);
            }
            r.archives = HeadendArchives.open(absolute.archive(), dataDir, r.registry, Clock.systemUTC());
            StreamKeys keys = new StreamKeys(new StoredStreamKeys(new JdbiChannelKeyRepository(r.database, cipher)),
                    Clock.systemUTC(), absolute.hls().keyRotation());
            r.archives.keys(keys);
            r.headend = new Headend(dataDir,
                    (spec, uri) -> SourceFactory.create(uri, sources.forChannel(spec.id())), r.registry,
                    Clock.systemUTC(), r.archives.archives(), keys);
            r.headend.start(specs);
            HeadendCatalog catalog = new HeadendCatalog(r.headend.channels());
            Database database = r.database;
            GuideImport guideImport = guideImport(absolute, database);
            JdbiChannelRepository catalogueChannels = new JdbiChannelRepository(database, Clock.systemUTC());
            r.sync = new CatalogueSync(absolute, catalogueChannels, () -> CatalogueFingerprint.read(database),
                    r.headend, catalog);
            r.sync.whenChannelsChange(new GuideRelink(guideImport));
            r.directory = new CatalogueChannels(absolute.channels(), catalogueChannels,
                    new JdbiPackageRepository(database));
            r.sync.whenChannelsChange(r.directory);
            r.directory.rebuild();
            r.renditions = new HeadendRenditions(catalog);
            r.sync.syncOnce();
            Supplier<String> metrics = config.metrics().enabled() ? r.registry::scrape
                    : () -> "# metrics are disabled (metrics.enabled: false)\n";
            r.sessions = PlaybackSessions.start(absolute, database, cipher, r.directory, r.renditions, r.registry,
                    Clock.systemUTC());
            DeliveryOptions options = DeliveryOptions.defaults().withTrustedProxies(
                    config.server().trustedProxies().stream().map(Object::toString).toList());
            r.delivery = new DeliveryServer(options, catalog, r.sessions.gate(), metrics).archive(r.archives)
                    .vod(new CatalogueVod(new JdbiMovieRepository(database, Clock.systemUTC()),
                            new JdbiSeriesRepository(database, Clock.systemUTC()), absolute.outbound().policy(),
                            HostResolver.SYSTEM));
            r.sessions.metrics().watch(r.delivery);
            OperatorSessions operatorSessions = new OperatorSessions(r.sessions.service());
            AuthSettings auth = WebLogins.settings(config.security());
            WebAuthentication web = WebLogins.on(database, cipher, new ClientAddress(options.trustedProxies()),
                    r.audit, auth, Clock.systemUTC());
            r.billing = BillingWiring.start(absolute.billing(), config.xtream().publicUrl().orElse(URI.create(
                    (config.tls().enabled() ? "https" : "http") + "://" + config.server().host() + ":"
                            + config.server().port() + "/")), database, cipher, r.sessions.service(), r.audit,
                    Clock.systemUTC());
            r.billing.webhooks().ifPresent(r.delivery::mount);
            AdminApiMount admin = AdminApiMount.on(database, cipher, r.audit, Clock.systemUTC(),
                    r.sessions.keys().signingKeys(), operatorSessions, web,
                    new DeskBillingControl(r.billing.desk(), database, Clock.systemUTC()));
            r.delivery.mount(admin.mount());
            FirstRunSetup setup = WebLogins.firstRunSetup(database, cipher, auth, Clock.systemUTC());
            r.delivery.mount(new Mount(FirstRunSetup.PATH, setup::router));
            XtreamApi xtream = xtreamApi(absolute, database, operatorSessions, r.archives, options);
            r.delivery.fallback(xtream::handler);
            r.tls = ServerTls.ifEnabled(absolute.tls(), dataDir, config.server().host(), Clock.systemUTC())
                    .orElse(null);
            if (r.tls != null) {
                r.delivery.https(r.tls.settings());
                config.server().plainHttpPort().ifPresent(plain -> r.delivery.plainHttp(
                        new PlainHttpPort(plain, config.server().plainHttpXtream())));
            }
            int port = r.delivery.start(config.server().host(), config.server().port());
            if (r.tls != null) {
                r.tls.watch(r.delivery);
            }
            r.sync.follow(CATALOGUE_POLL);
            r.guides = guideRefresh(guideImport, database);
            r.guides.start();
            r.prober = vodProbe.map(probe -> vodProber(absolute, probe, database, r.registry)).orElse(null);
            LOG.info("Headwater {} is serving {} channels ({} from the configuration) on {}://{}:{}/ (data in {}, {})",
                    headwater.app.cli.ManifestVersion.version(), r.headend.channels().size(), specs.size(),
                    r.delivery.scheme(), config.server().host(), port, dataDir, r.database.description());
            setup.code().ifPresent(code -> LOG.warn("No administrator exists yet. Create the first one at {}://{}:{}{}"
                    + " with the one-time setup code {} (or run ./headwater admin create on this machine)",
                    r.delivery.scheme(), config.server().host(), port, FirstRunSetup.PATH, code));
            return new HeadwaterServer(absolute, r, port);
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /**
     * The Xtream Codes compatible API (player_api.php, panel_api.php, get.php, xmltv.php and the media entry URLs),
     * served by the delivery server for every request its own routes and mounts do not claim.
     */
    private static XtreamApi xtreamApi(HeadwaterConfig config, Database database, OperatorSessions sessions,
                                       ArchiveStatus archive, DeliveryOptions options) {
        Clock clock = Clock.systemUTC();
        XtreamConfig xtream = config.xtream();
        LoginLimits limits = new LoginLimits(xtream.loginCacheTtl(), LoginLimits.DEFAULTS.maxCachedLogins(),
                xtream.maxFailuresPerAddress(), xtream.maxFailuresPerAccount(), xtream.failureWindow());
        StoreXtreamLogin login = new StoreXtreamLogin(new JdbiSubscriberRepository(database, clock),
                new JdbiPlanRepository(database), new JdbiPlaylistTokenRepository(database),
                new Argon2PasswordHasher(), limits, clock);
        XtreamServices services = XtreamSurface.services(xtream, database, XtreamSurface.ids(database), login,
                sessions, archive, clock);
        ClientAddress client = new ClientAddress(options.trustedProxies());
        return XtreamSurface.api(services, List.of(PlayerApi::new, PlaylistExport::new, XmltvExport::new,
                s -> new MediaEntry(s, client)));
    }

    /** Memory, GC, threads, class loading, CPU and uptime; the GC binder must be closed with the server. */
    private static JvmGcMetrics bindJvmMetrics(PrometheusMeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return gc;
    }

    /** Imports guides (a file, or a URL under outbound.*) and relinks them to the catalogue's channels. */
    private static GuideImport guideImport(HeadwaterConfig config, Database database) {
        Clock clock = Clock.systemUTC();
        return new GuideImport(new JdbiGuideSourceRepository(database, clock), new JdbiGuideStore(database, clock),
                new JdbiChannelRepository(database, clock), new OutboundGuideFetcher(config.outbound().policy()), clock,
                GuideImportOptions.DEFAULTS);
    }

    /** Refreshes each enabled guide source when it is due (each has its own refresh interval). */
    private static GuideRefreshScheduler guideRefresh(GuideImport imports, Database database) {
        Clock clock = Clock.systemUTC();
        return new GuideRefreshScheduler(imports, new JdbiGuideSourceRepository(database, clock),
                new JdbiGuideStore(database, clock), clock, GUIDE_TICK);
    }

    /**
     * The ffprobe of {@code ffmpeg.ffprobePath} (else PATH, else the bundled one) under {@code vod.probeTimeout} and
     * the outbound policy; empty, with a warning, when there is no ffprobe at all (the media keep playing; films and
     * episodes keep unknown media info).
     *
     * @throws ConfigException the configured path is not an executable file
     */
    private static Optional<MediaProbe> vodProbe(HeadwaterConfig config) {
        try {
            return Optional.of(ConfiguredProbe.of(config));
        } catch (ConfigException e) {
            throw new ConfigException("ffmpeg.ffprobePath: " + String.join("; ", e.problems()));
        } catch (IllegalStateException e) {
            LOG.warn("films and episodes will not be probed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Probes films and episodes in the background ({@code vod.*}). */
    private static VodProber vodProber(HeadwaterConfig config, MediaProbe probe, Database database,
                                       PrometheusMeterRegistry registry) {
        Clock clock = Clock.systemUTC();
        JdbiMovieRepository movies = new JdbiMovieRepository(database, clock);
        JdbiSeriesRepository series = new JdbiSeriesRepository(database, clock);
        VodProber prober = new VodProber(new VodProbing(probe, movies, series), movies, series, clock,
                config.vod().probeConcurrency(), registry);
        prober.start(config.vod().scanInterval());
        return prober;
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
    public boolean awaitSegments(int segments, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (resources.headend.channels().stream().anyMatch(c -> c.window().playlistSegments().size() < segments)) {
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

    /** Every channel the headend runs now: the configuration's and the catalogue's, in the order they started. */
    public List<ChannelSpec> runningChannels() {
        return resources.headend.channels().stream().map(headwater.headend.Channel::spec).toList();
    }

    public Path dataDir() {
        return config.dataDir();
    }

    /** The catalogue's and the configuration's channels with their packages and renditions, for entitlement. */
    public CatalogueChannels channelDirectory() {
        return resources.directory;
    }

    /** What each running channel costs and shows now, for admission (one channel each; not its renditions). */
    public HeadendRenditions renditions() {
        return resources.renditions;
    }

    public Headend headend() {
        return resources.headend;
    }

    /** The channels' catch-up archives, as delivery's ArchiveCatalog and the domain's ArchiveStatus. */
    public HeadendArchives archives() {
        return resources.archives;
    }

    /** The admin API ({@code /api/v1}, on the same port as the media). */
    public URI adminApiUrl() {
        return baseUrl().resolve("api/v1/");
    }

    /** The store: the catalogue and the customer base. */
    public Database database() {
        return resources.database;
    }

    /** Where this server records operator and reseller actions and security events (hash-chained, append-only). */
    public AuditLog auditLog() {
        return resources.audit;
    }

    /** What this server seals secrets and personal data with before they are stored. */
    public FieldCipher fieldCipher() {
        return resources.atRest.cipher();
    }

    public PrometheusMeterRegistry registry() {
        return resources.registry;
    }

    /** The bound port (the configured one, or the one picked for port 0). */
    public int port() {
        return port;
    }

    /** {@code https://host:port/} (or {@code http://} with {@code tls.enabled: false}), 127.0.0.1 for a wildcard host. */
    public URI baseUrl() {
        return URI.create(resources.delivery.scheme() + "://" + shownHost() + ":" + port + "/");
    }

    /** The plain-HTTP media port's base URL ({@code server.plainHttpPort}), when there is one. */
    public Optional<URI> plainMediaUrl() {
        int plain = resources.delivery.plainPort();
        return plain < 0 ? Optional.empty() : Optional.of(URI.create("http://" + shownHost() + ":" + plain + "/"));
    }

    /** The certificate the server presents, when it serves HTTPS: for clients to trust. */
    public Optional<ServerTls> tls() {
        return Optional.ofNullable(resources.tls);
    }

    private String shownHost() {
        String host = config.server().host();
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }

    /**
     * The base URL IPTV apps are told to use ({@code xtream.publicUrl}, else {@link #baseUrl}): the "server" of an
     * Xtream Codes login.
     */
    public URI xtreamUrl() {
        return config.xtream().publicUrl().orElseGet(() -> {
            String base = baseUrl().toString();
            return URI.create(base.substring(0, base.length() - 1));
        });
    }

    /** Delivery's URL layout ({@code headwater.delivery.MediaPath}): the multivariant playlist under a session's token. */
    public URI multivariantUrl(String token, String channel) {
        return baseUrl().resolve("s/" + token + "/live/" + channel + "/index.m3u8");
    }

    /** The continuous MPEG-TS of a channel under a session's token. */
    public URI streamUrl(String token, String channel) {
        return baseUrl().resolve("s/" + token + "/live/" + channel + ".ts");
    }

    /** Session control: the service, its gate, tokens and egress ledger. */
    public PlaybackSessions sessions() {
        return resources.sessions;
    }

    public URI metricsUrl() {
        return baseUrl().resolve("metrics");
    }

    @Override
    public void close() {
        resources.close();
    }
}
