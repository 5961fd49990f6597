package headwater.api.xtream;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import org.slf4j.LoggerFactory;

/** What the golden files do not show: aliases, refusals, throttling, POST forms, the Host header, hidden items. */
class PlayerApiTest {

    private static final String ALICE = "username=alice&password=secret";

    @EachDatabase
    void every_numeric_alias_answers_as_its_action(TestStore store) {
        try (PlayerApiServer server = PlayerApiServer.start(store)) {
            String[][] pairs = {{"200", "get_vod_categories"}, {"201", "get_live_categories"},
                    {"202", "get_live_streams"}, {"203", "get_vod_streams"}, {"204", "get_series_info&series_id=17"},
                    {"205", "get_short_epg&stream_id=7"}, {"206", "get_series_categories"},
                    {"207", "get_simple_data_table&stream_id=7"}, {"208", "get_series"},
                    {"209", "get_vod_info&vod_id=13"}};
            for (String[] pair : pairs) {
                String parameters = pair[1].contains("&") ? pair[1].substring(pair[1].indexOf('&')) : "";
                String byAlias = server.get("/player_api.php?" + ALICE + "&action=" + pair[0] + parameters).body();
                String byName = server.get("/player_api.php?" + ALICE + "&action=" + pair[1]).body();
                assertThat(byAlias).as(pair[1]).isEqualTo(byName).doesNotStartWith("{\"user_info\"");
            }
            assertThat(server.get("/player_api.php?" + ALICE + "&action=GET_LIVE_STREAMS").body())
                    .isEqualTo(server.get("/player_api.php?" + ALICE + "&action=get_live_streams").body());
        }
    }

    @EachDatabase
    void bad_or_missing_credentials_answer_auth_0_and_a_throttled_client_429(TestStore store) {
        try (PlayerApiServer server = PlayerApiServer.start(store)) {
            String refusal = "{\"user_info\":{\"auth\":0}}";
            for (String query : new String[] {"", "?username=alice", "?username=alice&password=",
                    "?username=alice&password=wrong", "?username=nobody&password=secret", "?token=nope",
                    "?token=", "?username=&password=secret&action=get_live_streams"}) {
                HttpResponse<String> response = server.get("/player_api.php" + query);
                assertThat(response.statusCode()).as(query).isEqualTo(200);
                assertThat(response.body()).as(query).isEqualTo(refusal);
                assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
            }
            String malformed = server.raw("/player_api.php?username=alice&password=%ZZ");
            assertThat(malformed).startsWith("HTTP/1.1 400").endsWith("\r\n\r\n" + refusal);
            HttpResponse<String> throttled = server.get("/player_api.php?username=" + FakeLogin.THROTTLED
                    + "&password=x&action=get_live_streams");
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("retry-after")).hasValue("30");
            assertThat(throttled.body()).isEqualTo(refusal);
            assertThat(server.login.clients).isNotEmpty()
                    .allSatisfy(address -> assertThat(address).isEqualTo(InetAddress.getLoopbackAddress()));
        }
    }

    @EachDatabase
    void a_failing_login_answers_500_and_logs_neither_password_nor_stack_to_the_client(TestStore store) {
        Logger logger = (Logger) LoggerFactory.getLogger(PlayerApi.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (PlayerApiServer server = PlayerApiServer.start(store)) {
            HttpResponse<String> response = server.get("/player_api.php?username=" + FakeLogin.BROKEN
                    + "&password=hunter2-secret&action=get_live_streams");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("{\"user_info\":{\"auth\":0}}");
            assertThat(appender.list).isNotEmpty().allSatisfy(event -> {
                assertThat(event.getFormattedMessage()).doesNotContain("hunter2").contains("get_live_streams");
            });
        } finally {
            logger.detachAppender(appender);
        }
    }

    @EachDatabase
    void a_post_form_answers_as_the_query_string_does(TestStore store) {
        try (PlayerApiServer server = PlayerApiServer.start(store)) {
            for (String action : new String[] {"", "&action=get_live_streams", "&action=get_short_epg&stream_id=7"}) {
                HttpResponse<String> posted = server.postForm("/player_api.php", ALICE + action);
                assertThat(posted.statusCode()).isEqualTo(200);
                assertThat(posted.body()).isEqualTo(server.get("/player_api.php?" + ALICE + action).body());
            }
        }
    }

    @EachDatabase
    void without_a_public_url_server_info_names_the_host_the_player_used(TestStore store) {
        try (PlayerApiServer server = PlayerApiServer.start(store, null)) {
            StrictClient.Account account = StrictClient.read(server.get("/player_api.php?" + ALICE).body(),
                    StrictClient.Account.class);
            assertThat(account.serverInfo().url()).isEqualTo("127.0.0.1");
            assertThat(account.serverInfo().port()).isEqualTo(String.valueOf(server.port()));
            assertThat(account.serverInfo().serverProtocol()).isEqualTo("http");
        }
    }

    @EachDatabase
    void what_the_subscriber_may_not_see_answers_as_if_it_did_not_exist(TestStore store) {
        try (PlayerApiServer server = PlayerApiServer.start(store)) {
            String missingFilm = "{\"info\":[]}";
            // 15: disabled film of her package; 16: film of nobody's package; 7: a channel number, not a film.
            for (String id : new String[] {"15", "16", "7", "0", "abc", "99999", ""}) {
                assertThat(server.get("/player_api.php?" + ALICE + "&action=get_vod_info&vod_id=" + id).body())
                        .as(id).isEqualTo(missingFilm);
            }
            assertThat(server.get("/player_api.php?" + ALICE + "&action=get_series_info&series_id=18").body())
                    .isEqualTo("{\"seasons\":[],\"info\":[],\"episodes\":{}}");
            for (String id : new String[] {"11", "12", "13", "x", ""}) {
                assertThat(server.get("/player_api.php?" + ALICE + "&action=get_short_epg&stream_id=" + id).body())
                        .as(id).isEqualTo("{\"epg_listings\":[]}");
                assertThat(server.get("/panel_api.php?" + ALICE + "&action=get_epg&stream_id=" + id).body())
                        .as(id).isEqualTo("[]");
            }
            assertThat(server.get("/player_api.php?" + ALICE + "&action=get_live_streams&category_id=abc").body())
                    .isEqualTo("[]");
            assertThat(server.get("/player_api.php?" + ALICE + "&action=get_live_streams&category_id=6").body())
                    .as("the category of a channel she does not have").isEqualTo("[]");
            assertThat(server.get("/player_api.php?" + ALICE + "&action=get_live_streams&category_id=0").body())
                    .isEqualTo(server.get("/player_api.php?" + ALICE + "&action=get_live_streams").body());
        }
    }

    @EachDatabase
    void panel_api_answers_player_actions_and_player_api_knows_no_get_epg(TestStore store) {
        try (PlayerApiServer server = PlayerApiServer.start(store)) {
            assertThat(server.get("/panel_api.php?" + ALICE + "&action=get_live_streams").body())
                    .isEqualTo(server.get("/player_api.php?" + ALICE + "&action=get_live_streams").body());
            assertThat(server.get("/player_api.php?" + ALICE + "&action=get_epg&stream_id=7").body())
                    .isEqualTo(server.get("/player_api.php?" + ALICE).body());
            assertThat(server.get("/panel_api.php?" + ALICE + "&action=get_epg&stream_id=7").body())
                    .as("without from_now: the past of the archive too").contains("\"start\":1795082400");
            assertThat(server.get("/nothing.php").statusCode()).isEqualTo(404);
        }
    }
}
