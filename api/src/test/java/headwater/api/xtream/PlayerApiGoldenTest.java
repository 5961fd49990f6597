package headwater.api.xtream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every action of player_api.php and panel_api.php against its golden file (src/test/resources/xtream/player_api),
 * compared as text after indenting: field names, their order, and the JSON type of every value (a string "7" and a
 * number 7 differ). The catalogue is {@link PlayerApiServer}'s, in a real store. Run with
 * {@code -Dxtream.golden.update=true} to rewrite the files after a deliberate change, then review the diff.
 */
class PlayerApiGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/xtream/player_api");
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final String ALICE = "username=alice&password=secret";

    /** Golden name to request path, in the order of anchors §2.2 to §2.4. */
    static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        CASES.put("account", "/player_api.php?" + ALICE);
        CASES.put("account_token", "/player_api.php?token=tok-alice-0123456789");
        CASES.put("account_banned", "/player_api.php?username=bob&password=pw");
        CASES.put("account_unknown_action", "/player_api.php?" + ALICE + "&action=get_everything");
        CASES.put("refused", "/player_api.php?username=alice&password=wrong&action=get_live_streams");
        CASES.put("get_live_categories", "/player_api.php?" + ALICE + "&action=get_live_categories");
        CASES.put("get_vod_categories", "/player_api.php?" + ALICE + "&action=get_vod_categories");
        CASES.put("get_series_categories", "/player_api.php?" + ALICE + "&action=get_series_categories");
        CASES.put("get_live_streams", "/player_api.php?" + ALICE + "&action=get_live_streams");
        CASES.put("get_live_streams_category", "/player_api.php?" + ALICE + "&action=get_live_streams&category_id=1");
        CASES.put("get_live_streams_page", "/player_api.php?" + ALICE
                + "&action=get_live_streams&params%5Boffset%5D=1&params%5Bitems_per_page%5D=2");
        CASES.put("get_live_streams_banned", "/player_api.php?username=bob&password=pw&action=get_live_streams");
        CASES.put("get_vod_streams", "/player_api.php?" + ALICE + "&action=get_vod_streams");
        CASES.put("get_series", "/player_api.php?" + ALICE + "&action=get_series");
        CASES.put("get_series_info", "/player_api.php?" + ALICE + "&action=get_series_info&series_id=17");
        CASES.put("get_series_info_missing", "/player_api.php?" + ALICE + "&action=get_series_info&series_id=18");
        CASES.put("get_vod_info", "/player_api.php?" + ALICE + "&action=get_vod_info&vod_id=13");
        CASES.put("get_vod_info_unprobed", "/player_api.php?" + ALICE + "&action=get_vod_info&vod_id=14");
        CASES.put("get_vod_info_missing", "/player_api.php?" + ALICE + "&action=get_vod_info&vod_id=16");
        CASES.put("get_short_epg", "/player_api.php?" + ALICE + "&action=get_short_epg&stream_id=7&limit=2");
        CASES.put("get_short_epg_multi", "/player_api.php?" + ALICE + "&action=get_short_epg&stream_id=7,8,12");
        CASES.put("get_simple_data_table", "/player_api.php?" + ALICE + "&action=get_simple_data_table&stream_id=7");
        CASES.put("panel", "/panel_api.php?" + ALICE);
        CASES.put("panel_get_epg", "/panel_api.php?" + ALICE + "&action=get_epg&stream_id=7&from_now=1");
    }

    @EachDatabase
    void every_action_matches_its_golden_file(TestStore store) throws IOException {
        boolean update = Boolean.getBoolean("xtream.golden.update");
        try (PlayerApiServer server = PlayerApiServer.start(store)) {
            for (Map.Entry<String, String> entry : CASES.entrySet()) {
                HttpResponse<String> response = server.get(entry.getValue());
                assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(200);
                assertThat(response.headers().firstValue("content-type")).as(entry.getKey())
                        .hasValue("application/json; charset=utf-8");
                String actual = indent(response.body());
                Path file = GOLDEN.resolve(entry.getKey() + ".json");
                if (update) {
                    Files.createDirectories(GOLDEN);
                    Files.writeString(file, actual);
                }
                assertThat(file).as("golden file of " + entry.getKey()).exists();
                assertThat(actual).as(entry.getKey() + " (" + entry.getValue() + ")")
                        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
    }

    /** The body re-indented, order and types kept, with a final newline. */
    static String indent(String body) {
        try {
            JsonNode tree = MAPPER.readTree(body);
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return MAPPER.writer(printer).writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
