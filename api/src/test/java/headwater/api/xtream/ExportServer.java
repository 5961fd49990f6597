package headwater.api.xtream;

import headwater.api.Argon2PasswordHasher;
import headwater.api.SessionControl;
import headwater.domain.archive.ArchiveSpan;
import headwater.domain.archive.ArchiveStatus;
import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.catalog.Package;
import headwater.domain.epg.EpgChannel;
import headwater.domain.epg.LocalizedText;
import headwater.domain.epg.Programme;
import headwater.domain.epg.XmltvGuide;
import headwater.domain.epg.XmltvWriter;
import headwater.domain.guide.GuideFetcher;
import headwater.domain.guide.GuideImport;
import headwater.domain.guide.GuideImportOptions;
import headwater.domain.guide.GuideRetention;
import headwater.domain.guide.GuideSourceDraft;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.vod.EpisodeDraft;
import headwater.domain.vod.MovieDraft;
import headwater.domain.vod.Season;
import headwater.domain.vod.SeriesDraft;
import headwater.store.TestStore;
import headwater.store.subscriber.JdbiPlanRepository;
import headwater.store.subscriber.JdbiSubscriberRepository;
import headwater.store.xtream.JdbiPlaylistTokenRepository;
import headwater.store.xtream.JdbiXtreamIds;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The playlist and guide exports on a real Vert.x server over a real store holding a small catalogue: categories,
 * five channels (one disabled, one outside the subscriber's packages, one radio, one with an archive), two films
 * (one disabled), a series of two episodes, a guide; subscriber "alice" (password {@value #PASSWORD}) on plan "gold".
 */
final class ExportServer implements AutoCloseable {

    static final String PASSWORD = "p@ss w/rd";
    static final String PUBLIC_URL = "http://tv.example.net:25461";
    static final Instant DAY = Instant.parse("2026-11-21T00:00:00Z");

    final TestStore store;
    final PlaylistTokens tokens;
    private final Vertx vertx;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ExportServer(TestStore store, PlaylistTokens tokens, Vertx vertx, int port) {
        this.store = store;
        this.tokens = tokens;
        this.vertx = vertx;
        this.port = port;
    }

    /** The news channel's archive (the others have none). */
    static final ArchiveStatus NEWS_ARCHIVE = channelId -> channelId.equals("news")
            ? Optional.of(new ArchiveSpan(DAY, DAY.plus(Duration.ofHours(6)), 1)) : Optional.empty();

    static ExportServer start(TestStore store) {
        return start(store, XtreamCatalogueStamp.NONE, NEWS_ARCHIVE);
    }

    /** With a catalogue stamp (the exports keep what they render under it) and an archive status of the test's. */
    static ExportServer start(TestStore store, XtreamCatalogueStamp stamp, ArchiveStatus archive) {
        catalogue(store);
        JdbiPlanRepository plans = new JdbiPlanRepository(store.database());
        JdbiSubscriberRepository subscribers = new JdbiSubscriberRepository(store.database(), TestStore.CLOCK);
        JdbiPlaylistTokenRepository tokenRepository = new JdbiPlaylistTokenRepository(store.database());
        StoreXtreamLogin login = new StoreXtreamLogin(subscribers, plans, tokenRepository, new Argon2PasswordHasher(),
                LoginLimits.DEFAULTS, Clock.systemUTC());
        XtreamServices services = new XtreamServices(new XtreamServer(URI.create(PUBLIC_URL), 0, ZoneId.of("UTC"), ""),
                login, SessionControl.NONE, new JdbiXtreamIds(store.database()), store.channels(), store.categories(),
                store.packages(), plans, store.movies(), store.series(), store.guide(), archive, TestStore.CLOCK, stamp);
        XtreamApi api = new XtreamApi(List.of(new PlaylistExport(services), new XmltvExport(services)));
        Vertx vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(api.handler(vertx));
        int port = await(server.listen()).actualPort();
        return new ExportServer(store, new PlaylistTokens(tokenRepository, TestStore.CLOCK), vertx, port);
    }

    private static void catalogue(TestStore store) {
        store.categories().create(Category.of("news-cat", "News & Weather", CategoryKind.LIVE));
        store.categories().create(Category.of("radio-cat", "Radio", CategoryKind.RADIO));
        store.categories().create(Category.of("films", "Films", CategoryKind.VOD));
        store.categories().create(Category.of("drama", "Drama", CategoryKind.SERIES));
        store.channels().createAll(List.of(
                ChannelDraft.of("news", 1, "News 24").withEpgChannelId("news.example")
                        .withLogo(URI.create("https://img.example/news.png")).withCategoryIds(List.of("news-cat"))
                        .withArchiveDays(1),
                ChannelDraft.of("sport", 2, "Sport \"Live\", HD"),
                ChannelDraft.of("jazz", 3, "Jazz FM").withRadio(true).withCategoryIds(List.of("radio-cat")),
                ChannelDraft.of("hidden", 4, "Hidden").withEnabled(false).withEpgChannelId("hidden.example"),
                ChannelDraft.of("premium", 5, "Premium").withEpgChannelId("premium.example")));
        store.movies().create(MovieDraft.of("film1", "A Film", URI.create("file:///media/films/a-film.mkv"))
                .withCategoryIds(List.of("films")));
        store.movies().create(MovieDraft.of("film-off", "Off Film", URI.create("file:///media/films/off.mp4"))
                .withEnabled(false));
        store.series().create(SeriesDraft.of("show", "The Show").withCategoryIds(List.of("drama")));
        store.series().saveSeason(Season.of("show", 1));
        store.series().createEpisode(EpisodeDraft.of("show-1x2", "show", 1, 2, "Second",
                URI.create("file:///media/show/s01e02.mp4")));
        store.series().createEpisode(EpisodeDraft.of("show-1x1", "show", 1, 1, "First",
                URI.create("https://cdn.example/show/s01e01.mkv?sig=1")));
        store.packages().create(new Package("basic", "Basic", Set.of("news", "sport", "jazz", "hidden"),
                Set.of("film1", "film-off"), Set.of("show")));
        store.packages().create(Package.of("extra", "Extra", "premium"));
        new JdbiPlanRepository(store.database()).create(Plan.of("gold", "Gold", Money.of(999, "EUR"))
                .withPackageIds(Set.of("basic")));
        new JdbiSubscriberRepository(store.database(), TestStore.CLOCK).create(SubscriberDraft.of("s1", "alice",
                new Argon2PasswordHasher().hash(PASSWORD.toCharArray())).withPlanId("gold"));
        guide(store);
    }

    /** A guide for news (by EPG id), sport (by name), hidden and premium, and one XMLTV channel matching nothing. */
    private static void guide(TestStore store) {
        List<EpgChannel> channels = List.of(EpgChannel.of("news.example", "News 24"),
                EpgChannel.of("sport.xmltv", "Sport \"Live\", HD"), EpgChannel.of("hidden.example", "Hidden"),
                EpgChannel.of("premium.example", "Premium"), EpgChannel.of("orphan", "Orphan"));
        List<Programme> programmes = new ArrayList<>();
        for (EpgChannel channel : channels) {
            for (int i = 0; i < 3; i++) {
                programmes.add(Programme.builder(channel.id(), DAY.plus(Duration.ofHours(i)))
                        .stop(DAY.plus(Duration.ofHours(i + 1)))
                        .title(new LocalizedText(channel.id() + " <show> & " + i, "en"))
                        .build());
            }
        }
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        try {
            XmltvWriter.write(new XmltvGuide(channels, programmes), xml, false);
            store.guideSources().create(GuideSourceDraft.of("epg", "EPG", "/guide.xml"));
            new GuideImport(store.guideSources(), store.guide(), store.channels(), GuideFetcher.localFiles(),
                    TestStore.CLOCK, GuideImportOptions.DEFAULTS.withRetention(new GuideRetention(3650, 3650)))
                    .importFrom("epg", new ByteArrayInputStream(xml.toByteArray()));
        } catch (Exception e) {
            throw new IllegalStateException("the test guide could not be imported", e);
        }
    }

    HttpResponse<byte[]> get(String pathAndQuery) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
