package headwater.app.cli;

import headwater.app.HeadwaterServer;
import headwater.app.config.ChannelConfig;
import headwater.app.config.ConfigLoader;
import headwater.app.config.ConfigOverride;
import headwater.app.config.HeadwaterConfig;
import headwater.api.Argon2PasswordHasher;
import headwater.api.xtream.PlaylistTokens;
import headwater.app.demo.DemoAccount;
import headwater.app.demo.DemoAdmin;
import headwater.app.demo.DemoCatalogue;
import headwater.app.demo.DemoGuide;
import headwater.app.demo.DemoFont;
import headwater.app.demo.DemoLoop;
import headwater.app.demo.DemoMedia;
import headwater.app.ffmpeg.Ffmpeg;
import headwater.app.ffmpeg.FfmpegCapabilities;
import headwater.app.ffmpeg.FfmpegLocator;
import headwater.domain.session.Opening;
import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionRequest;
import headwater.domain.subscriber.OutputFormat;
import headwater.store.Database;
import headwater.store.identity.JdbiAccountRepository;
import headwater.domain.guide.GuideImportException;
import headwater.store.catalog.JdbiCategoryRepository;
import headwater.store.catalog.JdbiChannelRepository;
import headwater.store.catalog.JdbiPackageRepository;
import headwater.store.guide.JdbiGuideSourceRepository;
import headwater.store.guide.JdbiGuideStore;
import headwater.store.xtream.JdbiPlaylistTokenRepository;
import headwater.domain.xtream.PlaylistToken;
import java.net.URI;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code headwater demo}: a complete server with three test channels and no configuration. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Start a complete server with three demo channels, then print the URLs to open. Stop it with Ctrl-C.",
            "",
            "The first run renders three 30 s test loops with ffmpeg (a moving test pattern with the channel name,"
                    + " a clock and a tone: 720p H.264 + AAC, 640x360 H.264 + AAC, 960x540 H.264 + AC-3 5.1) into"
                    + " <data-dir>/demo/; later runs reuse them. The channels play these files in an endless loop in"
                    + " real time, so the demo costs what repackaging costs, not what encoding costs.",
            "",
            "headwater.yml is not read; HEADWATER_* environment variables are (for example HEADWATER_FFMPEG_PATH).",
            ""
        })
final class DemoCommand implements Callable<Integer> {

    /** Days of catch-up the demo channels record. */
    static final int ARCHIVE_DAYS = 1;

    /** Connections the demo plan allows beyond the banner's sessions: an IPTV app or two. */
    static final int XTREAM_CONNECTIONS = 4;

    /** The label of the playlist token a later demo start prints. */
    static final String TOKEN_LABEL = "headwater demo";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port to listen on, 0 for any free port (default 8080).")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the demo loops, segments and state live (default: headwater-data).")
    Path dataDir;

    private final Map<String, String> env;

    DemoCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        HeadwaterConfig config = demoConfig();
        Ffmpeg ffmpeg = FfmpegLocator.forThisProcess(config.ffmpeg().path()).locate();
        Path directory = config.dataDir().toAbsolutePath().resolve("demo");
        DemoMedia media = new DemoMedia(ffmpeg, FfmpegCapabilities.probe(ffmpeg.executable()),
                DemoFont.locate(config.demo().fontFile(), DemoFont.COMMON), directory, DemoMedia.LOOP_LENGTH);
        List<DemoLoop> loops = DemoLoop.standard();
        List<Path> files = media.render(loops);
        List<ChannelConfig> channels = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            DemoLoop loop = loops.get(i);
            channels.add(new ChannelConfig(loop.id(), loop.name(), List.of(files.get(i).toUri()), Optional.empty(),
                    Optional.empty(), Set.of(DemoAccount.ID), ARCHIVE_DAYS).withEncrypted(config.demo().encrypted()));
        }
        Path film = media.film(loops.get(0));
        Path episode = media.film(loops.get(1));
        HeadwaterServer server = HeadwaterServer.start(config.withChannels(channels), ffmpeg);
        // Players start on a few segments; print the URLs once opening them works.
        spec.commandLine().getErr().println("headwater: waiting for the first segments of each channel...");
        if (!server.awaitSegments(3, config.hls().targetDuration().multipliedBy(3).plusSeconds(20))) {
            spec.commandLine().getErr().println("headwater: some channels have no segments yet; they may take a moment");
        }
        DemoAccount account = account(server, channels.size() * 2 + XTREAM_CONNECTIONS);
        catalogue(server, loops, film, episode);
        Map<String, Banner.PlayUrls> urls = openSessions(server, account, channels);
        Banner.print(spec.commandLine().getOut(), server, "The Headwater demo is running with "
                + channels.size() + " channels.", urls);
        printAccount(server, account);
        printAdmin(DemoAdmin.ensure(new JdbiAccountRepository(server.database(), server.fieldCipher()),
                new Argon2PasswordHasher(), Clock.systemUTC()), server);
        UntilShutdown.await(server);
        return 0;
    }

    /**
     * The demo channels, film, series and guide as IPTV apps see them (the catalogue entries are made at the first
     * start; the guide is written and imported at every start, around now), then the entitlement index rebuilt at
     * once so that the first Xtream request already sees them.
     */
    private void catalogue(HeadwaterServer server, List<DemoLoop> loops, Path film, Path episode) {
        Database db = server.database();
        Clock clock = Clock.systemUTC();
        JdbiChannelRepository catalogueChannels = new JdbiChannelRepository(db, clock);
        DemoCatalogue.ensure(new JdbiCategoryRepository(db), catalogueChannels, new JdbiPackageRepository(db),
                new JdbiMovieRepository(db, clock), new JdbiSeriesRepository(db, clock), loops, ARCHIVE_DAYS, film,
                episode);
        try {
            DemoGuide.refresh(film.getParent(), loops, new JdbiGuideSourceRepository(db, clock),
                    new JdbiGuideStore(db, clock), catalogueChannels, clock);
        } catch (GuideImportException e) {
            spec.commandLine().getErr().printf("headwater: the demo guide was not imported: %s%n", e.getMessage());
        }
        server.channelDirectory().rebuild();
    }

    /** The demo package, plan and subscriber (made at the first demo start), for one HLS and one TS per channel. */
    private static DemoAccount account(HeadwaterServer server, int connections) {
        Database db = server.database();
        return DemoAccount.ensure(new JdbiPackageRepository(db), new JdbiPlanRepository(db),
                new JdbiSubscriberRepository(db, Clock.systemUTC()), new Argon2PasswordHasher(), connections);
    }

    /** One HLS and one MPEG-TS session per channel, each its own device, so that all of them can play at once. */
    private Map<String, Banner.PlayUrls> openSessions(HeadwaterServer server, DemoAccount account,
                                                      List<ChannelConfig> channels) {
        Map<String, Banner.PlayUrls> urls = new LinkedHashMap<>();
        for (ChannelConfig channel : channels) {
            Optional<String> hls = open(server, account, channel.id(), OutputFormat.HLS);
            Optional<String> ts = open(server, account, channel.id(), OutputFormat.TS);
            if (hls.isPresent() && ts.isPresent()) {
                urls.put(channel.id(), new Banner.PlayUrls(server.multivariantUrl(hls.get(), channel.id()),
                        server.streamUrl(ts.get(), channel.id())));
            }
        }
        return urls;
    }

    private Optional<String> open(HeadwaterServer server, DemoAccount account, String channel, OutputFormat format) {
        SessionRequest request = new SessionRequest(account.subscriber().id(), new PlaybackTarget.Live(channel), format,
                "demo-" + channel + "-" + format.name().toLowerCase(java.util.Locale.ROOT), null, "headwater demo");
        return switch (server.sessions().service().open(request)) {
            case Opening.Opened opened -> Optional.of(opened.session().token());
            case Opening.Denied denied -> {
                spec.commandLine().getErr().printf("headwater: no demo session for %s: %s%n", channel, denied.reason());
                yield Optional.empty();
            }
            case Opening.Busy busy -> {
                spec.commandLine().getErr().printf("headwater: no demo session for %s: egress capacity is full%n", channel);
                yield Optional.empty();
            }
        };
    }

    private void printAccount(HeadwaterServer server, DemoAccount account) {
        java.io.PrintWriter out = spec.commandLine().getOut();
        if (account.newPassword().isPresent()) {
            out.println("The demo subscriber 'demo' was made now; its password is shown this once:");
            out.printf("  %s%n", account.newPassword().get());
        } else {
            out.println("The demo subscriber 'demo' exists from an earlier start (its password was shown then).");
        }
        URI base = server.xtreamUrl();
        XtreamAccess access = account.newPassword()
                .map(password -> XtreamAccess.password(base, account.subscriber().username(), password))
                .orElseGet(() -> XtreamAccess.token(base, demoToken(server, account)));
        out.println();
        out.println("IPTV apps (TiviMate, IPTV Smarters, Kodi's PVR IPTV Simple, VLC): add an \"Xtream Codes\" login");
        out.printf("  Server    %s%n", access.server());
        out.printf("  Username  %s%n", account.subscriber().username());
        out.printf("  Password  %s%n", account.newPassword().orElse("(the one shown at the first start)"));
        out.println(account.newPassword().isPresent()
                ? "or open the playlist (M3U, with catch-up and the guide) in any player:"
                : "or open the playlist in any player, with a playlist token made for this start (the previous"
                        + " demo token is revoked):");
        out.printf("  M3U       %s%n", access.m3u());
        out.printf("  XMLTV     %s%n", access.xmltv());
        out.printf("  e.g.      vlc '%s'%n", access.m3u());
        out.println("Open more sessions with `./headwater session open --subscriber demo --channel <id> --format hls`.");
        out.println();
        out.flush();
    }

    /** The demo administrator's login for the admin API's web sessions, shown in full at the first start only. */
    private void printAdmin(DemoAdmin admin, HeadwaterServer server) {
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.printf("Operators log in at POST %sauth/login with a username, password and TOTP code:%n",
                server.adminApiUrl());
        out.printf("  Username  %s%n", admin.account().username());
        out.printf("  Password  %s%n", admin.newPassword().orElse("(the one shown at the first start)"));
        out.printf("  TOTP key  %s%n", admin.totpKey().map(key -> key + "  (add it to an authenticator app)")
                .orElse("(the one shown at the first start)"));
        out.println();
        out.flush();
    }

    /**
     * A playlist token for the demo subscriber, labelled {@value #TOKEN_LABEL}, made at each start whose password is
     * not shown (it was shown at the first); the demo tokens of earlier starts are revoked.
     */
    private static String demoToken(HeadwaterServer server, DemoAccount account) {
        Clock clock = Clock.systemUTC();
        JdbiPlaylistTokenRepository repository = new JdbiPlaylistTokenRepository(server.database());
        String subscriber = account.subscriber().id();
        for (PlaylistToken token : repository.ofSubscriber(subscriber)) {
            if (token.active() && TOKEN_LABEL.equals(token.label())) {
                repository.revoke(subscriber, token.id(), clock.instant());
            }
        }
        return new PlaylistTokens(repository, clock).issue(subscriber, null, TOKEN_LABEL).secret();
    }

    /** Defaults and HEADWATER_* variables, the options, and no channels yet (the demo brings its own). */
    HeadwaterConfig demoConfig() {
        List<ConfigOverride> overrides = new ArrayList<>();
        if (port != null) {
            overrides.add(new ConfigOverride("server.port", port.toString(), "--port"));
        }
        if (dataDir != null) {
            overrides.add(new ConfigOverride("dataDir", dataDir.toString(), "--data-dir"));
        }
        Map<String, String> withoutChannels = new java.util.TreeMap<>(env);
        withoutChannels.keySet().removeIf(name -> name.startsWith("HEADWATER_CHANNELS_"));
        return ConfigLoader.load(Optional.empty(), withoutChannels, overrides);
    }
}
