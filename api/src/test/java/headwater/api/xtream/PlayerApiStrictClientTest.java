package headwater.api.xtream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import headwater.api.xtream.StrictClient.Account;
import headwater.api.xtream.StrictClient.Category;
import headwater.api.xtream.StrictClient.EpgListings;
import headwater.api.xtream.StrictClient.EpgRow;
import headwater.api.xtream.StrictClient.EpgTableRow;
import headwater.api.xtream.StrictClient.Live;
import headwater.api.xtream.StrictClient.MovieDetails;
import headwater.api.xtream.StrictClient.NoAuth;
import headwater.api.xtream.StrictClient.Panel;
import headwater.api.xtream.StrictClient.PanelEpgRow;
import headwater.api.xtream.StrictClient.Series;
import headwater.api.xtream.StrictClient.SeriesDetails;
import headwater.api.xtream.StrictClient.SeriesInfo;
import headwater.api.xtream.StrictClient.Vod;
import headwater.api.xtream.StrictClient.VodInfo;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every answer of the golden cases, as served, decoded by {@link StrictClient} into records of the documented Java
 * types; then what a client does with them: base64 titles decode, the local {@code start} strings and the Unix
 * times agree in the announced zone, every {@code category_id} is one of the announced categories.
 */
class PlayerApiStrictClientTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void the_strict_client_refuses_a_number_for_a_string_and_a_string_for_a_number() {
        assertThatThrownBy(() -> StrictClient.read("{\"category_id\":12,\"category_name\":\"News\",\"parent_id\":0}",
                Category.class)).isInstanceOf(UncheckedIOException.class).hasMessageContaining("category_id");
        assertThatThrownBy(() -> StrictClient.read("{\"category_id\":\"12\",\"category_name\":\"News\","
                + "\"parent_id\":\"0\"}", Category.class)).hasMessageContaining("parent_id");
        assertThatThrownBy(() -> StrictClient.read("{\"category_id\":\"12\",\"category_name\":\"News\"}",
                Category.class)).hasMessageContaining("parent_id");
        assertThatThrownBy(() -> StrictClient.read("{\"category_id\":\"12\",\"category_name\":\"News\","
                + "\"parent_id\":0,\"extra\":1}", Category.class)).hasMessageContaining("extra");
        assertThatThrownBy(() -> StrictClient.read("{\"category_id\":\"12\",\"category_name\":\"News\","
                + "\"parent_id\":0.5}", Category.class)).hasMessageContaining("parent_id");
        assertThat(StrictClient.read("{\"category_id\":\"12\",\"category_name\":\"News\",\"parent_id\":0}",
                Category.class)).isEqualTo(new Category("12", "News", 0));
    }

    @EachDatabase
    void every_answer_decodes_into_the_documented_types(TestStore store) {
        try (PlayerApiServer server = PlayerApiServer.start(store)) {
            Map<String, String> bodies = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : PlayerApiGoldenTest.CASES.entrySet()) {
                HttpResponse<String> response = server.get(entry.getValue());
                assertThat(response.statusCode()).isEqualTo(200);
                bodies.put(entry.getKey(), response.body());
            }
            assertThat(bodies.keySet()).containsExactlyElementsOf(PlayerApiGoldenTest.CASES.keySet());

            Account account = StrictClient.read(bodies.get("account"), Account.class);
            assertThat(account.userInfo().auth()).isEqualTo(1);
            assertThat(account.userInfo().status()).isEqualTo("Active");
            assertThat(Instant.ofEpochSecond(Long.parseLong(account.userInfo().expDate())))
                    .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
            assertThat(account.userInfo().allowedOutputFormats()).containsExactly("m3u8", "ts");
            assertThat(Integer.parseInt(account.userInfo().maxConnections())).isEqualTo(2);
            assertThat(account.serverInfo().url()).isEqualTo("tv.example.net");
            assertThat(Integer.parseInt(account.serverInfo().port())).isEqualTo(25461);
            assertThat(account.serverInfo().timezone()).isEqualTo("Europe/Berlin");
            assertThat(local(account.serverInfo().timeNow()))
                    .isEqualTo(Instant.ofEpochSecond(account.serverInfo().timestampNow()));
            assertThat(StrictClient.read(bodies.get("account_token"), Account.class).userInfo().username())
                    .isEqualTo("alice");
            Account banned = StrictClient.read(bodies.get("account_banned"), Account.class);
            assertThat(banned.userInfo().status()).isEqualTo("Banned");
            assertThat(banned.userInfo().expDate()).as("null: never expires").isNull();
            assertThat(StrictClient.read(bodies.get("account_unknown_action"), Account.class)).isEqualTo(account);
            assertThat(StrictClient.read(bodies.get("refused"), NoAuth.class).userInfo().auth()).isZero();

            List<Category> live = StrictClient.read(bodies.get("get_live_categories"), new TypeReference<>() { });
            List<Category> vod = StrictClient.read(bodies.get("get_vod_categories"), new TypeReference<>() { });
            List<Category> series = StrictClient.read(bodies.get("get_series_categories"), new TypeReference<>() { });
            assertThat(live).extracting(Category::categoryName).containsExactly("News", "Sport", "Radio");
            assertThat(vod).extracting(Category::categoryName).containsExactly("Films");
            assertThat(series).extracting(Category::categoryName).containsExactly("Drama");

            List<Live> channels = StrictClient.read(bodies.get("get_live_streams"), new TypeReference<>() { });
            assertThat(channels).extracting(Live::name).containsExactly("News One", "Sport & More", "Plain",
                    "Radio Eins");
            for (Live channel : channels) {
                if (!channel.categoryId().isEmpty()) {
                    assertThat(live).extracting(Category::categoryId).contains(channel.categoryId());
                    assertThat(channel.categoryIds()).contains(Integer.parseInt(channel.categoryId()));
                }
            }
            assertThat(StrictClient.read(bodies.get("get_live_streams_category"), new TypeReference<List<Live>>() { }))
                    .extracting(Live::categoryId).containsOnly("1");
            assertThat(StrictClient.read(bodies.get("get_live_streams_page"), new TypeReference<List<Live>>() { }))
                    .extracting(Live::name).containsExactly("Sport & More", "Plain");
            assertThat(StrictClient.read(bodies.get("get_live_streams_banned"), new TypeReference<List<Live>>() { }))
                    .isEmpty();

            List<Vod> films = StrictClient.read(bodies.get("get_vod_streams"), new TypeReference<>() { });
            assertThat(films).extracting(Vod::name).containsExactly("Alien", "Heat");
            assertThat(films).extracting(Vod::containerExtension).containsExactly("mp4", "mkv");
            List<Series> shows = StrictClient.read(bodies.get("get_series"), new TypeReference<>() { });
            assertThat(shows).extracting(Series::name).containsExactly("The Wire");

            SeriesInfo wire = StrictClient.read(bodies.get("get_series_info"), SeriesInfo.class);
            SeriesDetails details = StrictClient.read(wire.info(), new TypeReference<>() { });
            assertThat(details.name()).isEqualTo("The Wire");
            assertThat(wire.episodes()).containsOnlyKeys("1", "2");
            assertThat(wire.episodes().get("1")).extracting(StrictClient.Episode::title)
                    .containsExactly("The Target", "The Detail");
            assertThat(wire.seasons()).extracting(StrictClient.Season::episodeCount).containsExactly(2, 1);
            SeriesInfo missing = StrictClient.read(bodies.get("get_series_info_missing"), SeriesInfo.class);
            assertThat(missing.info().isArray() && missing.info().isEmpty()).isTrue();
            assertThat(missing.episodes()).isEmpty();

            VodInfo heat = StrictClient.read(bodies.get("get_vod_info"), VodInfo.class);
            MovieDetails heatDetails = StrictClient.read(heat.info(), new TypeReference<>() { });
            assertThat(heatDetails.durationSecs()).isEqualTo(6120);
            assertThat(heat.movieData().streamId()).isEqualTo(13);
            assertThat(heat.movieData().containerExtension()).isEqualTo("mkv");
            StrictClient.read(StrictClient.read(bodies.get("get_vod_info_unprobed"), VodInfo.class).info(),
                    new TypeReference<MovieDetails>() { });
            assertThat(StrictClient.read(bodies.get("get_vod_info_missing"), StrictClient.VodNotFound.class).info())
                    .as("info: [] for a film not there").isEmpty();

            List<EpgRow> shortEpg = StrictClient.read(StrictClient.read(bodies.get("get_short_epg"), EpgListings.class)
                    .epgListings(), new TypeReference<>() { });
            assertThat(shortEpg).extracting(r -> base64(r.title())).containsExactly("News & Views", "Sport");
            assertThat(base64(shortEpg.get(0).description())).isEqualTo("<b>Live</b> from the studio");
            for (EpgRow row : shortEpg) {
                assertThat(local(row.start())).isEqualTo(Instant.ofEpochSecond(Long.parseLong(row.startTimestamp())));
                assertThat(local(row.end())).isEqualTo(Instant.ofEpochSecond(Long.parseLong(row.stopTimestamp())));
            }
            Map<String, List<EpgRow>> multi = StrictClient.read(StrictClient.read(bodies.get("get_short_epg_multi"),
                    EpgListings.class).epgListings(), new TypeReference<>() { });
            assertThat(multi).containsOnlyKeys("7", "8");
            assertThat(base64(multi.get("8").get(0).title())).isEqualTo("Match");

            List<EpgTableRow> table = StrictClient.read(StrictClient.read(bodies.get("get_simple_data_table"),
                    EpgListings.class).epgListings(), new TypeReference<>() { });
            assertThat(table).filteredOn(r -> r.nowPlaying() == 1).extracting(r -> base64(r.title()))
                    .containsExactly("News & Views");
            assertThat(table).filteredOn(r -> r.hasArchive() == 1).extracting(r -> base64(r.title()))
                    .containsExactly("Gestern", "Frühnachrichten", "Wetter");

            Panel panel = StrictClient.read(bodies.get("panel"), Panel.class);
            assertThat(panel.userInfo()).isEqualTo(account.userInfo());
            assertThat(panel.categories().live()).isEqualTo(live);
            assertThat(panel.availableChannels()).containsOnlyKeys("7", "8", "9", "10", "13", "14");
            List<PanelEpgRow> panelEpg = StrictClient.read(bodies.get("panel_get_epg"), new TypeReference<>() { });
            assertThat(panelEpg).extracting(PanelEpgRow::start).containsExactly(1795240800L, 1795242600L, 1795244400L);
        }
    }

    private static String base64(String value) {
        return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }

    /** A {@code Y-m-d H:i:s} string read in the announced zone. */
    private static Instant local(String value) {
        return LocalDateTime.parse(value, LOCAL).atZone(PlayerApiServer.ZONE).toInstant();
    }
}
