package headwater.api.xtream;

import headwater.api.SessionControl;
import headwater.api.xtream.XtreamLogin.AccountStatus;
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
import headwater.domain.subscriber.BillingPeriod;
import headwater.domain.subscriber.Money;
import headwater.domain.subscriber.OutputFormat;
import headwater.domain.subscriber.Owner;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.Plan;
import headwater.domain.subscriber.Quality;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.subscriber.SubscriberDraft;
import headwater.domain.subscriber.SubscriberStatus;
import headwater.domain.vod.AudioTrack;
import headwater.domain.vod.EpisodeDraft;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.MovieDraft;
import headwater.domain.vod.Season;
import headwater.domain.vod.SeriesDraft;
import headwater.domain.vod.VideoTrack;
import headwater.domain.xtream.XtreamIds.Kind;
import headwater.store.TestStore;
import headwater.store.subscriber.JdbiPlanRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A small catalogue in a real store (the test's SQLite or PostgreSQL), a guide imported through the real import,
 * and {@link PlayerApi} behind {@link XtreamApi} on a real Vert.x server on a loopback port.
 *
 * <p>alice (password "secret") has the package "basic" (news-1, sport-1, radio-1, plain, and disabled-1 which is
 * disabled) and, through her plan "gold", the package "cinema" (films heat, alien, and old which is disabled; series
 * wire, and off which is disabled). "extra" (other-1, film secret) is nobody's. bob is banned. The server announces
 * Europe/Berlin; the clock is the store's, 2026-11-21T06:00:00.123Z. news-1 has an archive of two days.
 *
 * <p>The protocol numbers are allocated in a fixed order, so the golden files are stable: categories news 1, sport
 * 2, radio 3, films 4, drama 5, hidden 6; channels news-1 7, sport-1 8, radio-1 9, plain 10, disabled-1 11, other-1
 * 12; films heat 13, alien 14, old 15, secret 16; series wire 17, off 18; episodes wire-1x01 19, wire-1x02 20,
 * wire-2x01 21.
 */
final class PlayerApiServer implements AutoCloseable {

    static final Instant NOW = TestStore.CLOCK.instant();
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final URI PUBLIC_URL = URI.create("http://tv.example.net:25461");
    static final MediaInfo HEAT_MEDIA = new MediaInfo(Duration.ofMillis(6_120_500), "matroska,webm",
            new VideoTrack("h264", 1920, 1080, 25.0), List.of(new AudioTrack("aac", 2, "eng")), 4_000_000L,
            List.of("eng", "deu"));
    static final MediaInfo EPISODE_MEDIA = new MediaInfo(Duration.ofSeconds(3480), "mov,mp4,m4a,3gp,3g2,mj2",
            new VideoTrack("h264", 1280, 720, 25.0), List.of(new AudioTrack("aac", 2, "eng")), 2_500_000L, List.of());
    static final ArchiveSpan NEWS_ARCHIVE = new ArchiveSpan(Instant.parse("2026-11-20T06:00:00Z"),
            Instant.parse("2026-11-21T05:59:50Z"), 2);

    final TestStore store;
    final MemoryXtreamIds ids = new MemoryXtreamIds();
    final FakeLogin login = new FakeLogin();
    /** What the archive holds, by channel: news-1's two days; a test may change it while the server runs. */
    final Map<String, ArchiveSpan> archives = new ConcurrentHashMap<>(Map.of("news-1", NEWS_ARCHIVE));
    final Subscriber alice;
    final Plan gold;
    private XtreamCatalogueStamp stamp = XtreamCatalogueStamp.NONE;
    private Vertx vertx;
    private int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PlayerApiServer(TestStore store) {
        this.store = store;
        catalogue(store);
        guide(store);
        gold = new JdbiPlanRepository(store.database()).create(new Plan("gold", "Gold", Set.of("cinema"), 2,
                Quality.HD, Money.of(999, "EUR"), BillingPeriod.months(1), true));
        alice = subscriber("alice-id", "alice", SubscriberStatus.ACTIVE, Instant.parse("2027-01-01T00:00:00Z"),
                Set.of("basic"), "gold");
        Subscriber bob = subscriber("bob-id", "bob", SubscriberStatus.BANNED, null, Set.of("basic"), null);
        login.account("alice", "secret", alice, gold, AccountStatus.ACTIVE)
                .account("bob", "pw", bob, null, AccountStatus.BANNED)
                .token("tok-alice-0123456789", "token-1", alice, gold);
        allocate();
    }

    /** The catalogue and the server, started with the public URL configured. */
    static PlayerApiServer start(TestStore store) {
        return start(store, PUBLIC_URL);
    }

    static PlayerApiServer start(TestStore store, URI publicUrl) {
        return start(store, publicUrl, XtreamCatalogueStamp.NONE);
    }

    /** With a catalogue stamp: the server keeps what it read while the stamp is the same. */
    static PlayerApiServer start(TestStore store, URI publicUrl, XtreamCatalogueStamp stamp) {
        PlayerApiServer server = new PlayerApiServer(store);
        server.stamp = stamp;
        server.listen(publicUrl);
        return server;
    }

    XtreamServices services(URI publicUrl) {
        XtreamServer server = new XtreamServer(publicUrl, 25463, ZONE, "Welcome to Headwater");
        ArchiveStatus archive = channelId -> Optional.ofNullable(archives.get(channelId));
        return new XtreamServices(server, login, SessionControl.NONE, ids, store.channels(), store.categories(),
                store.packages(), new JdbiPlanRepository(store.database()), store.movies(), store.series(),
                store.guide(), archive, TestStore.CLOCK, stamp);
    }

    private void listen(URI publicUrl) {
        vertx = Vertx.vertx();
        XtreamApi api = new XtreamApi(List.of(new PlayerApi(services(publicUrl))));
        port = await(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(api.handler(vertx)).listen()).actualPort();
    }

    int port() {
        return port;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET());
    }

    HttpResponse<String> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A request written by hand (for what java.net.http refuses to send), answered as raw text. */
    String raw(String target) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
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
        if (vertx != null) {
            await(vertx.close());
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Subscriber subscriber(String id, String username, SubscriberStatus status, Instant expiry,
                                         Set<String> packages, String planId) {
        SubscriberDraft draft = new SubscriberDraft(id, username,
                new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"), status, expiry, 2,
                EnumSet.allOf(OutputFormat.class), List.of(), packages, planId, null, Owner.OPERATOR);
        return new Subscriber(draft, 1, Instant.parse("2026-01-15T10:00:00Z"), Instant.parse("2026-01-15T10:00:00Z"));
    }

    private static void catalogue(TestStore store) {
        store.categories().create(Category.of("news", "News", CategoryKind.LIVE));
        store.categories().create(new Category("sport", "Sport", CategoryKind.LIVE, 1, null));
        store.categories().create(Category.of("radio", "Radio", CategoryKind.RADIO));
        store.categories().create(Category.of("films", "Films", CategoryKind.VOD));
        store.categories().create(Category.of("drama", "Drama", CategoryKind.SERIES));
        store.categories().create(Category.of("hidden", "Hidden", CategoryKind.LIVE));
        store.channels().createAll(List.of(
                ChannelDraft.of("news-1", 101, "News One").withLogo(URI.create("http://img.example/news.png"))
                        .withCategoryIds(List.of("news")).withEpgChannelId("news.example").withArchiveDays(2),
                ChannelDraft.of("sport-1", 102, "Sport & More").withCategoryIds(List.of("sport", "news"))
                        .withEpgChannelId("sport.example"),
                ChannelDraft.of("radio-1", 201, "Radio Eins").withCategoryIds(List.of("radio")).withRadio(true),
                ChannelDraft.of("plain", 105, "Plain"),
                ChannelDraft.of("disabled-1", 103, "Gone").withCategoryIds(List.of("news")).withEnabled(false),
                ChannelDraft.of("other-1", 104, "Other").withCategoryIds(List.of("hidden"))));
        store.movies().create(MovieDraft.of("heat", "Heat", URI.create("file:///media/films/heat.mkv"))
                .withCategoryIds(List.of("films")).withDescription(URI.create("http://img.example/heat.jpg"),
                        "A heist \"gone\" wrong.\nLA, 1995.", "Al Pacino, Robert De Niro", "Michael Mann",
                        "Crime, Drama", 1995, 8.3).withMediaInfo(HEAT_MEDIA));
        store.movies().create(MovieDraft.of("alien", "Alien", URI.create("https://cdn.example/vod/alien")));
        store.movies().create(MovieDraft.of("old", "Old Film", URI.create("file:///media/old.avi"))
                .withEnabled(false));
        store.movies().create(MovieDraft.of("secret", "Secret", URI.create("file:///media/secret.mp4")));
        store.series().create(SeriesDraft.of("wire", "The Wire").withCategoryIds(List.of("drama"))
                .withDescription(URI.create("http://img.example/wire.jpg"), "Baltimore.", "Dominic West", null,
                        "Drama", 2002, 9.35));
        store.series().create(SeriesDraft.of("off", "Off Air").withEnabled(false));
        store.series().saveSeason(new Season("wire", 1, "Season 1", null, "The detail."));
        store.series().saveSeason(Season.of("wire", 2));
        store.series().createEpisode(EpisodeDraft.of("wire-1x01", "wire", 1, 1, "The Target",
                URI.create("file:///media/wire/s01e01.mp4")).withMediaInfo(EPISODE_MEDIA));
        store.series().createEpisode(EpisodeDraft.of("wire-1x02", "wire", 1, 2, "The Detail",
                URI.create("file:///media/wire/s01e02.mkv")));
        store.series().createEpisode(EpisodeDraft.of("wire-2x01", "wire", 2, 1, "Ebb Tide",
                URI.create("file:///media/wire/s02e01.mkv")));
        store.packages().create(new Package("basic", "Basic", Set.of("news-1", "sport-1", "radio-1", "plain",
                "disabled-1")));
        store.packages().create(new Package("cinema", "Cinema", Set.of(), Set.of("heat", "alien", "old"),
                Set.of("wire", "off")));
        store.packages().create(new Package("extra", "Extra", Set.of("other-1"), Set.of("secret"), Set.of()));
    }

    private static void guide(TestStore store) {
        List<Programme> programmes = new ArrayList<>();
        programmes.add(programme("news.example", "2026-11-19T10:00:00Z", "2026-11-19T11:00:00Z", "Vorgestern", null));
        programmes.add(programme("news.example", "2026-11-20T20:00:00Z", "2026-11-20T21:00:00Z", "Gestern", null));
        programmes.add(programme("news.example", "2026-11-21T05:00:00Z", "2026-11-21T05:30:00Z", "Frühnachrichten",
                "Die Nachrichten des Morgens."));
        programmes.add(programme("news.example", "2026-11-21T05:30:00Z", "2026-11-21T06:00:00Z", "Wetter", null));
        programmes.add(programme("news.example", "2026-11-21T06:00:00Z", "2026-11-21T06:30:00Z", "News & Views",
                "<b>Live</b> from the studio"));
        programmes.add(programme("news.example", "2026-11-21T06:30:00Z", "2026-11-21T07:00:00Z", "Sport", null));
        programmes.add(programme("news.example", "2026-11-21T07:00:00Z", "2026-11-21T08:00:00Z", "Film", null));
        programmes.add(programme("sport.example", "2026-11-21T05:00:00Z", "2026-11-21T07:00:00Z", "Match", "Live."));
        byte[] xml;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XmltvWriter.write(new XmltvGuide(List.of(EpgChannel.of("news.example", "News One"),
                    EpgChannel.of("sport.example", "Sport")), programmes), out, false);
            xml = out.toByteArray();
            store.guideSources().create(GuideSourceDraft.of("epg", "EPG", "/guide.xml"));
            new GuideImport(store.guideSources(), store.guide(), store.channels(), GuideFetcher.localFiles(),
                    TestStore.CLOCK, GuideImportOptions.DEFAULTS.withRetention(new GuideRetention(3650, 3650)))
                    .importFrom("epg", new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Programme programme(String channel, String start, String stop, String title, String description) {
        Programme.Builder builder = Programme.builder(channel, Instant.parse(start)).stop(Instant.parse(stop))
                .title(new LocalizedText(title, "de"));
        if (description != null) {
            builder.description(new LocalizedText(description, "de"));
        }
        return builder.build();
    }

    /** The fixed numbering of the class comment. */
    private void allocate() {
        ids.numbers(Kind.CATEGORY, List.of("news", "sport", "radio", "films", "drama", "hidden"));
        ids.numbers(Kind.CHANNEL, List.of("news-1", "sport-1", "radio-1", "plain", "disabled-1", "other-1"));
        ids.numbers(Kind.MOVIE, List.of("heat", "alien", "old", "secret"));
        ids.numbers(Kind.SERIES, List.of("wire", "off"));
        ids.numbers(Kind.EPISODE, List.of("wire-1x01", "wire-1x02", "wire-2x01"));
        Map<String, Integer> check = ids.numbers(Kind.EPISODE, List.of("wire-2x01"));
        if (check.get("wire-2x01") != 21) {
            throw new IllegalStateException("numbering changed: " + check);
        }
    }
}
