package headwater.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.delivery.VodFile;
import headwater.domain.vod.EpisodeDraft;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.MovieDraft;
import headwater.domain.vod.Season;
import headwater.domain.vod.SeriesDraft;
import headwater.security.outbound.HostResolver;
import headwater.security.outbound.OutboundPolicy;
import headwater.store.Database;
import headwater.store.DatabaseConfig;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VOD catalogue delivery serves, over a real SQLite store: enabled items only, local files, checked URLs. */
class CatalogueVodTest {

    @TempDir
    Path dir;

    private Database database;
    private JdbiMovieRepository movies;
    private JdbiSeriesRepository series;
    private Path film;

    /** A table instead of DNS: a public name, a private one. */
    private static final HostResolver NAMES = host -> switch (host) {
        case "cdn.example" -> List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}));
        case "nas.example" -> List.of(InetAddress.getByAddress(host, new byte[] {10, 0, 0, 5}));
        default -> throw new UnknownHostException(host);
    };

    @BeforeEach
    void open() throws IOException {
        database = Database.open(DatabaseConfig.sqlite(dir.resolve("db")));
        movies = new JdbiMovieRepository(database, Clock.systemUTC());
        series = new JdbiSeriesRepository(database, Clock.systemUTC());
        film = Files.write(dir.resolve("film.mp4"), new byte[] {0, 0, 0, 24});
        Files.createDirectories(dir.resolve("folder.mkv"));
        movies.create(MovieDraft.of("film", "Film", film.toUri()));
        movies.create(MovieDraft.of("off", "Off", film.toUri()).withEnabled(false));
        movies.create(MovieDraft.of("gone", "Gone", dir.resolve("gone.mkv").toUri()));
        movies.create(MovieDraft.of("folder", "Folder", dir.resolve("folder.mkv").toUri()));
        movies.create(MovieDraft.of("cdn", "CDN", URI.create("https://cdn.example/films/cdn.mkv?sig=abc")));
        movies.create(MovieDraft.of("nas", "NAS", URI.create("http://nas.example/films/nas.avi")));
        movies.create(MovieDraft.of("nowhere", "Nowhere", URI.create("http://nowhere.example/x.mp4")));
        series.create(SeriesDraft.of("show", "Show"));
        series.saveSeason(Season.of("show", 1));
        series.createEpisode(EpisodeDraft.of("show-s01e01", "show", 1, 1, "Pilot", film.toUri()));
        series.create(SeriesDraft.of("hidden", "Hidden").withEnabled(false));
        series.saveSeason(Season.of("hidden", 1));
        series.createEpisode(EpisodeDraft.of("hidden-s01e01", "hidden", 1, 1, "Pilot", film.toUri()));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private CatalogueVod vod(OutboundPolicy policy) {
        return new CatalogueVod(movies, series, policy, NAMES);
    }

    @Test
    void anEnabledFilmOrEpisodeOnDiskIsALocalFileTypedByItsExtension() {
        CatalogueVod vod = vod(OutboundPolicy.publicOnly());

        assertThat(vod.file("movie/film")).contains(new VodFile.Local(film, "video/mp4"));
        assertThat(vod.file("episode/show-s01e01")).contains(new VodFile.Local(film, "video/mp4"));
    }

    @Test
    void disabledUnknownMissingAndNonFileItemsAreAbsent() {
        CatalogueVod vod = vod(OutboundPolicy.publicOnly());

        assertThat(vod.file("movie/off")).as("disabled").isEmpty();
        assertThat(vod.file("episode/hidden-s01e01")).as("its series is disabled").isEmpty();
        assertThat(vod.file("movie/nosuch")).isEmpty();
        assertThat(vod.file("episode/nosuch")).isEmpty();
        assertThat(vod.file("movie/gone")).as("file missing").isEmpty();
        assertThat(vod.file("movie/folder")).as("a directory").isEmpty();
        assertThat(vod.file("live/film")).isEmpty();
        assertThat(vod.file("film")).isEmpty();
    }

    @Test
    void aRemoteSourceIsServedOnlyWhereThePolicyAllowsAndPinnedToTheCheckedAddress() throws Exception {
        assertThat(vod(OutboundPolicy.publicOnly()).file("movie/cdn")).contains(new VodFile.Remote(
                URI.create("https://cdn.example/films/cdn.mkv?sig=abc"), "video/x-matroska",
                InetAddress.getByAddress("cdn.example", new byte[] {93, (byte) 184, (byte) 216, 34})));
        assertThat(vod(OutboundPolicy.publicOnly()).file("movie/nas")).as("a private address").isEmpty();
        assertThat(vod(OutboundPolicy.publicOnly().allowing("10.0.0.5/32")).file("movie/nas"))
                .hasValueSatisfying(file -> {
                    assertThat(file).isInstanceOf(VodFile.Remote.class);
                    assertThat(file.contentType()).isEqualTo("video/x-msvideo");
                    assertThat(((VodFile.Remote) file).address().getHostAddress()).isEqualTo("10.0.0.5");
                });
        assertThat(vod(OutboundPolicy.publicOnly()).file("movie/nowhere")).as("does not resolve").isEmpty();
    }

    @Test
    void theTypeAndExtensionComeFromTheSourceElseFromTheContainer() {
        MediaInfo matroska = new MediaInfo(Duration.ofMinutes(90), "matroska,webm", null, List.of(), null, List.of());
        Map<String, String> types = Map.of(
                "file:///srv/a.MP4", "video/mp4", "file:///srv/a.ts", "video/mp2t", "file:///srv/a.mkv",
                "video/x-matroska", "https://h.example/a.webm?x=1.mp4", "video/webm", "file:///srv/a", "video/x-matroska",
                "file:///srv.d/a", "video/x-matroska", "file:///srv/a.bin", "video/x-matroska");
        types.forEach((uri, type) -> assertThat(CatalogueVod.contentType(URI.create(uri), matroska)).as(uri)
                .isEqualTo(type));
        assertThat(CatalogueVod.contentType(URI.create("file:///srv/a"), null)).isEqualTo("application/octet-stream");
        assertThat(CatalogueVod.extension(URI.create("file:///srv/a.MKV"), null)).isEqualTo("mkv");
        assertThat(CatalogueVod.extension(URI.create("file:///srv/a"), matroska)).isEqualTo("mkv");
        assertThat(CatalogueVod.extension(URI.create("file:///srv/a.bin"), null)).isEqualTo("mp4");
    }
}
