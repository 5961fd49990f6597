package headwater.api;

import static headwater.api.ChannelApiTest.fields;
import static headwater.api.ChannelApiTest.ids;
import static headwater.api.ChannelApiTest.race;
import static headwater.api.ProblemApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.ApiServer.Reply;
import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.vod.AudioTrack;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.Movie;
import headwater.domain.vod.VideoTrack;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import java.time.Duration;
import java.util.List;

/** Films, series with seasons and episodes, and guide sources over a real server and store. */
class VodAndGuideApiTest {

    private static final MediaInfo PROBED = new MediaInfo(Duration.ofMillis(5_400_500), "matroska,webm",
            new VideoTrack("h264", 1920, 1080, 25.0), List.of(new AudioTrack("aac", 2, "eng")), 4_000_000L,
            List.of("eng"));

    @EachDatabase
    void movie_round_trip_keeps_the_probed_media_info(TestStore store) {
        store.categories().create(Category.of("films", "Films", CategoryKind.VOD));
        JdbiMovieRepository movies = new JdbiMovieRepository(store.database(), TestStore.CLOCK);
        try (ApiServer api = ApiServer.start(store)) {
            Reply created = api.post("/api/v1/movies", """
                    {"id": "heat", "name": "Heat", "source": "file:///media/heat.mkv", "categoryIds": ["films"],
                     "year": 1995, "rating": 8.3, "plot": "A <b>heist</b> & a chase"}""");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.header("Location")).isEqualTo("/api/v1/movies/heat");
            assertThat(created.json().get("mediaInfo").isNull()).isTrue();
            assertThat(created.json().get("plot").asText()).isEqualTo("A <b>heist</b> & a chase");
            assertThat(created.body()).doesNotContain("<b>");

            Movie stored = movies.get("heat");
            movies.update(stored.version(), stored.draft().withMediaInfo(PROBED));
            Reply probed = api.get("/api/v1/movies/heat");
            assertThat(probed.json().get("mediaInfo").get("durationSeconds").asDouble()).isEqualTo(5400.5);
            assertThat(probed.json().get("mediaInfo").get("video").get("width").asInt()).isEqualTo(1920);

            Reply replaced = api.put("/api/v1/movies/heat", "{\"name\": \"Heat (1995)\", \"source\": "
                    + "\"file:///media/heat.mkv\", \"categoryIds\": [\"films\"], \"year\": 1995}", "If-Match",
                    probed.header("ETag"));
            assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
            assertThat(replaced.json().get("mediaInfo").get("container").asText()).isEqualTo("matroska,webm");
            assertThat(movies.get("heat").mediaInfo()).isEqualTo(PROBED);

            Reply smuggled = api.post("/api/v1/movies", "{\"id\": \"x\", \"name\": \"X\", \"source\": \"file:///x.mkv\", "
                    + "\"mediaInfo\": {}}");
            assertProblem(smuggled, ProblemType.UNKNOWN_FIELD, "/api/v1/movies");
            Reply unknownCategory = api.post("/api/v1/movies", "{\"id\": \"x\", \"name\": \"X\", \"source\": "
                    + "\"file:///x.mkv\", \"categoryIds\": [\"nope\"]}");
            assertProblem(unknownCategory, ProblemType.UNKNOWN_REFERENCE, "/api/v1/movies");
            assertThat(fields(unknownCategory)).containsExactly("categoryIds");
            Reply stale = api.put("/api/v1/movies/heat", "{\"name\": \"Old\", \"source\": \"file:///x.mkv\", "
                    + "\"version\": 1}");
            assertProblem(stale, ProblemType.CONCURRENT_UPDATE, "/api/v1/movies/heat");

            api.post("/api/v1/movies", "{\"id\": \"alien\", \"name\": \"Alien\", \"source\": \"file:///alien.mkv\", "
                    + "\"year\": 1979}");
            assertThat(ids(api.get("/api/v1/movies?sort=-name"))).containsExactly("heat", "alien");
            assertThat(ids(api.get("/api/v1/movies?sort=year"))).containsExactly("alien", "heat");
            assertThat(ids(api.get("/api/v1/movies?year=1995"))).containsExactly("heat");
            assertThat(ids(api.get("/api/v1/movies?categoryId=films"))).containsExactly("heat");
            assertThat(fields(api.get("/api/v1/movies?year=old&sort=rating"))).containsExactlyInAnyOrder("year", "sort");
            assertThat(api.delete("/api/v1/movies/heat").status()).isEqualTo(204);
            assertProblem(api.get("/api/v1/movies/heat"), ProblemType.NOT_FOUND, "/api/v1/movies/heat");
        }
    }

    @EachDatabase
    void a_package_holds_films_and_series_and_an_update_keeps_what_it_lists(TestStore store) {
        try (ApiServer api = ApiServer.start(store)) {
            api.post("/api/v1/movies", "{\"id\": \"heat\", \"name\": \"Heat\", \"source\": \"file:///heat.mkv\"}");
            api.post("/api/v1/series", "{\"id\": \"wire\", \"name\": \"The Wire\"}");
            Reply created = api.post("/api/v1/packages",
                    "{\"id\": \"cinema\", \"name\": \"Cinema\", \"movieIds\": [\"heat\"], \"seriesIds\": [\"wire\"]}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().get("movieIds").get(0).asText()).isEqualTo("heat");
            assertThat(created.json().get("seriesIds").get(0).asText()).isEqualTo("wire");
            assertThat(store.packages().get("cinema").movieIds()).containsExactly("heat");

            Reply renamed = api.put("/api/v1/packages/cinema", "{\"name\": \"Cinema+\", \"movieIds\": [\"heat\"], "
                    + "\"seriesIds\": [\"wire\"]}", "If-Match", created.header("ETag"));
            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
            assertThat(store.packages().get("cinema").seriesIds()).containsExactly("wire");

            Reply unknown = api.post("/api/v1/packages",
                    "{\"id\": \"bad\", \"name\": \"Bad\", \"movieIds\": [\"no-such-film\"]}");
            assertProblem(unknown, ProblemType.UNKNOWN_REFERENCE, "/api/v1/packages");
            assertThat(store.packages().find("bad")).isEmpty();
        }
    }

    @EachDatabase
    void series_with_seasons_and_episodes(TestStore store) {
        JdbiSeriesRepository series = new JdbiSeriesRepository(store.database(), TestStore.CLOCK);
        try (ApiServer api = ApiServer.start(store)) {
            Reply created = api.post("/api/v1/series", "{\"id\": \"wire\", \"name\": \"The Wire\", \"year\": 2002}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);

            Reply season = api.put("/api/v1/series/wire/seasons/1", "{\"name\": \"Season 1\"}");
            assertThat(season.status()).as(season.toString()).isEqualTo(200);
            assertThat(season.json().get("number").asInt()).isEqualTo(1);
            assertThat(api.put("/api/v1/series/wire/seasons/2", "{}").status()).isEqualTo(200);
            assertThat(api.get("/api/v1/series/wire/seasons").json().get("total").asLong()).isEqualTo(2);
            assertThat(fields(api.put("/api/v1/series/wire/seasons/one", "{}"))).containsExactly("number");
            assertProblem(api.put("/api/v1/series/none/seasons/1", "{}"), ProblemType.NOT_FOUND,
                    "/api/v1/series/none/seasons/1");

            Reply episode = api.post("/api/v1/series/wire/episodes", "{\"id\": \"wire-1x01\", \"seasonNumber\": 1, "
                    + "\"episodeNumber\": 1, \"title\": \"The Target\", \"source\": \"file:///wire/101.mkv\"}");
            assertThat(episode.status()).as(episode.toString()).isEqualTo(201);
            assertThat(episode.header("Location")).isEqualTo("/api/v1/episodes/wire-1x01");
            assertThat(episode.json().get("seriesId").asText()).isEqualTo("wire");
            Reply again = api.post("/api/v1/series/wire/episodes", "{\"id\": \"wire-1x01b\", \"seasonNumber\": 1, "
                    + "\"episodeNumber\": 1, \"title\": \"Dup\", \"source\": \"file:///wire/101b.mkv\"}");
            assertProblem(again, ProblemType.DUPLICATE_KEY, "/api/v1/series/wire/episodes");
            Reply noSeason = api.post("/api/v1/series/wire/episodes", "{\"id\": \"wire-9x01\", \"seasonNumber\": 9, "
                    + "\"episodeNumber\": 1, \"title\": \"T\", \"source\": \"file:///wire/901.mkv\"}");
            assertThat(noSeason.status()).isEqualTo(404);
            Reply otherSeries = api.post("/api/v1/series/wire/episodes", "{\"id\": \"e\", \"seriesId\": \"oz\", "
                    + "\"seasonNumber\": 1, \"episodeNumber\": 2, \"title\": \"T\", \"source\": \"file:///e.mkv\"}");
            assertThat(fields(otherSeries)).containsExactly("seriesId");

            Reply renamed = api.put("/api/v1/episodes/wire-1x01", "{\"seriesId\": \"wire\", \"seasonNumber\": 1, "
                    + "\"episodeNumber\": 1, \"title\": \"The Target (pilot)\", \"source\": \"file:///wire/101.mkv\"}",
                    "If-Match", episode.header("ETag"));
            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
            assertThat(series.getEpisode("wire-1x01").title()).isEqualTo("The Target (pilot)");
            assertThat(ids(api.get("/api/v1/series/wire/episodes"))).containsExactly("wire-1x01");

            assertThat(api.delete("/api/v1/series/wire/seasons/2").status()).isEqualTo(204);
            assertThat(api.delete("/api/v1/series/wire/seasons/2").status()).isEqualTo(404);
            assertThat(api.delete("/api/v1/episodes/wire-1x01").status()).isEqualTo(204);
            assertThat(api.delete("/api/v1/series/wire").status()).isEqualTo(204);
            assertProblem(api.get("/api/v1/series/wire/episodes"), ProblemType.NOT_FOUND, "/api/v1/series/wire/episodes");
        }
    }

    @EachDatabase
    void guide_sources_with_durations_and_optimistic_updates(TestStore store) throws Exception {
        try (ApiServer api = ApiServer.start(store)) {
            Reply created = api.post("/api/v1/guide-sources", "{\"id\": \"epg-uk\", \"name\": \"UK guide\", "
                    + "\"location\": \"https://epg.example/uk.xml.gz\", \"timeShift\": \"-PT1H\", \"priority\": 5}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().get("timeShift").asText()).isEqualTo("PT-1H");
            assertThat(created.json().get("refreshInterval").asText()).isEqualTo("PT12H");
            assertThat(created.json().get("lastImport").isNull()).isTrue();

            Reply bad = api.post("/api/v1/guide-sources", "{\"id\": \"x\", \"name\": \"X\", \"location\": \"f\", "
                    + "\"timeShift\": \"1 hour\", \"refreshInterval\": \"PT10S\"}");
            assertThat(fields(bad)).containsExactly("timeShift");
            Reply tooOften = api.post("/api/v1/guide-sources", "{\"id\": \"x\", \"name\": \"X\", \"location\": \"f\", "
                    + "\"refreshInterval\": \"PT10S\"}");
            assertThat(fields(tooOften)).containsExactly("refreshInterval");

            List<Reply> replies = race(2, i -> api.put("/api/v1/guide-sources/epg-uk", "{\"name\": \"UK " + i
                    + "\", \"location\": \"https://epg.example/uk.xml.gz\"}", "If-Match", "\"1\""));
            assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 412);
            assertThat(ids(api.get("/api/v1/guide-sources"))).containsExactly("epg-uk");
            assertThat(api.delete("/api/v1/guide-sources/epg-uk").status()).isEqualTo(204);
        }
    }
}
